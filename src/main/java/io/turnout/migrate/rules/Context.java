package io.turnout.migrate.rules;

import io.turnout.migrate.ClassifyOptions;
import io.turnout.migrate.Dialect;
import io.turnout.migrate.Rewrite;
import io.turnout.migrate.SchemaCatalog;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the classifier knows while it walks one file: the server version, whether an explicit
 * transaction is open, whether a lock_timeout was set, and which tables the file itself creates
 * (those are empty, so locks and scans on them cost nothing).
 */
public final class Context {

    private final ClassifyOptions options;
    private final SchemaCatalog catalog;
    private final Set<String> createdTables = new HashSet<>();
    /** table → columns that carry a validated CHECK (col IS NOT NULL) in this file. */
    private final Map<String, Set<String>> notNullChecks = new HashMap<>();
    /** constraint name → table.column for NOT VALID IS NOT NULL checks awaiting VALIDATE. */
    private final Map<String, String> pendingNotNullChecks = new HashMap<>();
    boolean inTransaction;
    boolean lockTimeoutSet;
    boolean statementTimeoutSet;
    /** Lock of the first statement that waits for a table lock with no lock_timeout set; null if none. */
    String firstUntimedLock;

    public Context(ClassifyOptions options, SchemaCatalog catalog) {
        this.options = options;
        this.catalog = catalog;
    }

    public Dialect dialect() {
        return options.dialect();
    }

    /** Whether the server is at least this major version: TRUE, FALSE, or null when unknown. */
    public Boolean atLeast(int major) {
        return options.pgVersion().isPresent() ? options.pgVersion().getAsInt() >= major : null;
    }

    /** NO from this version on, YES before it, DEPENDS while the version is unknown. */
    public Rewrite rewriteBefore(int major) {
        Boolean at = atLeast(major);
        return at == null ? Rewrite.DEPENDS : at ? Rewrite.NO : Rewrite.YES;
    }

    public boolean inTransaction() {
        return inTransaction;
    }

    public boolean isNew(String table) {
        return createdTables.contains(table);
    }

    public void created(String table) {
        createdTables.add(table);
    }

    public SchemaCatalog catalog() {
        return catalog;
    }

    public void notNullCheck(String constraint, String table, String column, boolean validated) {
        if (validated) {
            notNullChecks.computeIfAbsent(table, t -> new HashSet<>()).add(column);
        } else if (constraint != null) {
            pendingNotNullChecks.put(constraint, table + "\u0000" + column);
        }
    }

    public void validated(String table, String constraint) {
        String tc = pendingNotNullChecks.remove(constraint);
        if (tc != null && tc.startsWith(table + "\u0000")) {
            notNullChecks.computeIfAbsent(table, t -> new HashSet<>()).add(tc.substring(table.length() + 1));
        }
    }

    public boolean hasValidatedNotNullCheck(String table, String column) {
        return notNullChecks.getOrDefault(table, Set.of()).contains(column);
    }
}
