package io.turnout.migrate.rules;

import io.turnout.migrate.LockLevel;
import io.turnout.migrate.MigrationClass;
import io.turnout.migrate.Rewrite;
import io.turnout.migrate.Risk;
import io.turnout.migrate.parse.Cursor;
import io.turnout.migrate.parse.Token;

import java.util.List;

/**
 * VACUUM [FULL], ANALYZE, CLUSTER, REFRESH MATERIALIZED VIEW. From the explicit-locking table:
 * VACUUM/ANALYZE take SHARE UPDATE EXCLUSIVE; VACUUM FULL and CLUSTER ACCESS EXCLUSIVE and write
 * a new copy of the table; REFRESH MATERIALIZED VIEW ACCESS EXCLUSIVE, CONCURRENTLY EXCLUSIVE.
 */
final class MaintenanceRules {

    private MaintenanceRules() {
    }

    static void vacuum(Cursor c, Context ctx, Verdict v) {
        boolean analyzeOnly = c.accept("ANALYZE") || c.accept("ANALYSE");
        if (!analyzeOnly) {
            c.expect("VACUUM");
        }
        boolean full = false;
        if (c.atSymbol("(")) {
            List<Token> opts = c.parens();
            for (int i = 0; i < opts.size(); i++) {
                if (opts.get(i).is("FULL")) {
                    full = i + 1 >= opts.size() || !opts.get(i + 1).is("FALSE") && !opts.get(i + 1).is("OFF");
                }
            }
        }
        full |= c.accept("FULL");
        while (c.accept("FREEZE") || c.accept("VERBOSE") || c.accept("ANALYZE") || c.accept("SKIP_LOCKED")) {
            // options in the old syntax
        }
        while (!c.atEnd()) {
            v.table(c.qualifiedName("a table name"));
            if (c.atSymbol("(")) {
                c.parens();
            }
            c.acceptSymbol(",");
        }
        if (full) {
            v.type("VACUUM_FULL").lock(LockLevel.ACCESS_EXCLUSIVE).rewrite(Rewrite.YES);
            v.rule("vacuum-full", Risk.HIGH, MigrationClass.MAINTENANCE,
                    "VACUUM FULL writes a new copy of the table under ACCESS EXCLUSIVE: reads and writes wait until it is done.");
            v.alternative("Plain VACUUM (online), or pg_repack to reclaim space without the long lock.");
        } else {
            v.type(analyzeOnly ? "ANALYZE" : "VACUUM").lock(LockLevel.SHARE_UPDATE_EXCLUSIVE);
        }
        if (!analyzeOnly) {
            v.warn("VACUUM cannot run inside a transaction block (Flyway wraps each migration in one).");
            if (ctx.inTransaction()) {
                v.raise(Risk.HIGH, MigrationClass.SAFE);
            }
        }
    }

    static void cluster(Cursor c, Verdict v) {
        c.expect("CLUSTER");
        c.accept("VERBOSE");
        if (!c.atEnd()) {
            v.table(c.qualifiedName("a table name"));
        }
        c.skipRest();
        v.type("CLUSTER").lock(LockLevel.ACCESS_EXCLUSIVE).rewrite(Rewrite.YES);
        v.rule("cluster", Risk.HIGH, MigrationClass.MAINTENANCE,
                "CLUSTER rewrites the table in index order under ACCESS EXCLUSIVE: reads and writes wait until it is done.");
        v.alternative("pg_repack --order-by, which reorders online.");
    }

    static void refresh(Cursor c, Verdict v) {
        c.expect("REFRESH", "MATERIALIZED", "VIEW");
        boolean concurrently = c.accept("CONCURRENTLY");
        String view = c.qualifiedName("a materialized view name");
        boolean noData = c.accept("WITH", "NO", "DATA");
        c.skipRest();
        v.type("REFRESH_MATERIALIZED_VIEW").table(view);
        if (concurrently) {
            v.lock(LockLevel.EXCLUSIVE).warn("CONCURRENTLY keeps " + view + " readable; it needs a unique index on the view.");
            return;
        }
        v.lock(LockLevel.ACCESS_EXCLUSIVE).rewrite(Rewrite.YES);
        v.rule("refresh-materialized-view", noData ? Risk.MEDIUM : Risk.HIGH, MigrationClass.MAINTENANCE,
                "REFRESH MATERIALIZED VIEW holds ACCESS EXCLUSIVE on " + view + " while it recomputes: readers wait.");
        v.alternative("REFRESH MATERIALIZED VIEW CONCURRENTLY (needs a unique index on " + view + ").");
    }
}
