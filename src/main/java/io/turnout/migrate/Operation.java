package io.turnout.migrate;

import java.util.List;

/**
 * The classifier's verdict on one statement.
 *
 * @param type operation type, e.g. {@code ADD_COLUMN}, {@code CREATE_INDEX}, {@code ALTER_COLUMN_TYPE}
 * @param tables affected tables as written (schema-qualified when the SQL qualifies them)
 * @param lockLevel the strongest table lock PostgreSQL takes for it
 * @param rules ids of the rules that fired, e.g. {@code add-column-volatile-default}
 * @param safeAlternative how to get the same result without the risk; null when already safe
 */
public record Operation(int index, int line, String type, String statement, List<String> tables,
                        LockLevel lockLevel, Rewrite rewrites, Risk risk, MigrationClass migrationClass,
                        List<String> warnings, String safeAlternative, List<String> rules) {

    public Operation {
        tables = List.copyOf(tables);
        warnings = List.copyOf(warnings);
        rules = List.copyOf(rules);
    }

    /** The same verdict with risk (and class, when it rises) changed for a reason, e.g. the table's size. */
    public Operation withRisk(Risk newRisk, String reason) {
        List<String> w = new java.util.ArrayList<>(warnings);
        w.add(reason);
        return new Operation(index, line, type, statement, tables, lockLevel, rewrites, newRisk, migrationClass, w,
                safeAlternative, rules);
    }
}
