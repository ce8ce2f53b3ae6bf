package io.turnout.migrate.rules;

import io.turnout.migrate.LockLevel;
import io.turnout.migrate.MigrationClass;
import io.turnout.migrate.Risk;
import io.turnout.migrate.parse.Cursor;

/**
 * Renames are instant (a catalog change under a brief ACCESS EXCLUSIVE lock) but break the
 * running version's queries at once, so they belong to expand/contract (squawk renaming-column /
 * renaming-table, strong_migrations "renaming a column/table").
 */
final class RenameRules {

    private RenameRules() {
    }

    static void table(Cursor c, String table, Context ctx, Verdict v) {
        v.lock(LockLevel.ACCESS_EXCLUSIVE);
        if (c.accept("TO")) {
            String to = c.qualifiedName("the new table name");
            v.type("RENAME_TABLE");
            if (!ctx.isNew(table)) {
                v.rule("renaming-table", Risk.HIGH, MigrationClass.RISKY,
                        "The running version still queries " + table + " and fails as soon as it is called " + to + ".");
                v.alternative("Expand/contract: create " + to + " (or a view named " + to + " over " + table
                        + "), move the code to it, keep both in sync, drop " + table + " in a later release.");
            }
            if (ctx.isNew(table)) {
                ctx.created(to);
            }
        } else if (c.accept("CONSTRAINT")) {
            c.identifier("a constraint name");
            c.expect("TO");
            c.identifier("the new constraint name");
            v.type("RENAME_CONSTRAINT");
        } else {
            c.accept("COLUMN");
            String from = c.identifier("a column name");
            c.expect("TO");
            String to = c.identifier("the new column name");
            ctx.catalog().rename(table, from, to);
            v.type("RENAME_COLUMN");
            if (!ctx.isNew(table)) {
                v.rule("renaming-column", Risk.HIGH, MigrationClass.RISKY,
                        "The running version still reads and writes " + table + "." + from + " and fails once it is called " + to + ".");
                v.alternative("Expand/contract: add " + to + ", write both columns from the code, backfill in batches, "
                        + "switch reads to " + to + ", drop " + from + " in a later release.");
            }
        }
        if (!c.atEnd()) {
            throw c.error("Unexpected text after RENAME");
        }
    }
}
