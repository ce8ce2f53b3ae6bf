package io.turnout.migrate;

import io.turnout.migrate.split.MySqlSplitter;
import io.turnout.migrate.split.PostgresSplitter;

import java.util.List;

/**
 * Cuts a migration into statements the way the database's own client would (psql, mysql), so
 * that semicolons inside strings, dollar quotes, comments, function bodies or COPY data never
 * end a statement early. Never throws on bad input: an unterminated quote or comment becomes a
 * {@link SqlError} with the line it started on.
 */
public final class SqlSplitter {

    /** The statements found, in order, and the problems that stopped the split. */
    public record Result(List<SqlStatement> statements, List<SqlError> errors) {
        public Result {
            statements = List.copyOf(statements);
            errors = List.copyOf(errors);
        }
    }

    private SqlSplitter() {
    }

    public static Result split(String sql, Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> new PostgresSplitter(sql).split();
            case MYSQL -> new MySqlSplitter(sql).split();
        };
    }
}
