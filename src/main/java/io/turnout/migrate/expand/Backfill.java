package io.turnout.migrate.expand;

/**
 * A batched UPDATE as one DO block: walks the table's single-column integer primary key in
 * ranges of {@code batchSize} and COMMITs after each range, so no batch holds row locks for
 * long and the work survives an interruption (rerunning skips rows already done). The key is
 * read from the catalog when the migration runs. COMMIT inside DO needs autocommit, hence the
 * backfill file's {@code executeInTransaction=false}.
 */
final class Backfill {

    private Backfill() {
    }

    static String batched(String table, String set, String pending, int batchSize) {
        String update = "UPDATE " + table + " SET " + set + " WHERE %1$I >= $1 AND %1$I < $2 AND (" + pending + ")";
        return "DO $backfill$\nDECLARE\n  key_col name;\n  lo bigint;\n  hi bigint;\n  batch constant bigint := " + batchSize + ";\nBEGIN\n"
                + "  SELECT a.attname INTO key_col FROM pg_index i\n"
                + "    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]\n"
                + "   WHERE i.indrelid = " + PhaseSql.literal(table) + "::regclass AND i.indisprimary AND i.indnatts = 1;\n"
                + "  IF key_col IS NULL THEN\n"
                + "    RAISE EXCEPTION 'turnout backfill: % has no single-column primary key to batch by', " + PhaseSql.literal(table) + ";\n"
                + "  END IF;\n"
                + "  EXECUTE format('SELECT min(%1$I)::bigint, max(%1$I)::bigint FROM " + table.replace("'", "''") + "', key_col) INTO lo, hi;\n"
                + "  WHILE lo <= hi LOOP\n"
                + "    EXECUTE format(" + PhaseSql.literal(update.replace("%", "%%").replace("%%1$I", "%1$I")) + ", key_col) USING lo, lo + batch;\n"
                + "    lo := lo + batch;\n"
                + "    COMMIT;\n"
                + "  END LOOP;\n"
                + "END\n$backfill$";
    }
}
