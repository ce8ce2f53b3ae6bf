package io.turnout.migrate;

import java.util.Optional;

/** Size of a table on the target server, when connected; empty when unknown. */
public interface TableStats {

    Optional<TableSize> size(String table);
}
