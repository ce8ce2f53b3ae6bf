package io.turnout.migrate.expand;

import java.util.Optional;

/** Where the planner learns a column's declared type (earlier migrations in the folder, or the server). */
@FunctionalInterface
public interface ColumnTypes {

    Optional<String> typeOf(String table, String column);

    static ColumnTypes unknown() {
        return (t, c) -> Optional.empty();
    }
}
