package io.turnout.migrate.rules;

import io.turnout.migrate.LockLevel;
import io.turnout.migrate.MigrationClass;
import io.turnout.migrate.Rewrite;
import io.turnout.migrate.Risk;
import io.turnout.migrate.parse.Cursor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Data changes in migrations: UPDATE/DELETE (ROW EXCLUSIVE; without WHERE one huge transaction
 * locking every row — strong_migrations "backfilling data"), TRUNCATE (ACCESS EXCLUSIVE, new
 * relfilenode), LOCK TABLE (the mode it names), INSERT and COPY.
 */
final class DataRules {

    private DataRules() {
    }

    static void updateOrDelete(Cursor c, Context ctx, Verdict v) {
        boolean update = c.accept("UPDATE");
        if (!update) {
            c.expect("DELETE", "FROM");
        }
        c.accept("ONLY");
        String table = c.qualifiedName("a table name");
        boolean where = false;
        while (!c.atEnd()) {
            where |= c.next().is("WHERE");
        }
        v.type(update ? "UPDATE" : "DELETE").table(table).lock(LockLevel.ROW_EXCLUSIVE);
        if (!where && !ctx.isNew(table)) {
            v.rule(update ? "unbatched-backfill" : "unbatched-delete", Risk.MEDIUM, MigrationClass.RISKY,
                    (update ? "UPDATE" : "DELETE") + " without WHERE touches every row of " + table
                            + " in one transaction: row locks on all of them, writers block, bloat and replication lag.");
            v.alternative("Do it in batches of a few thousand rows by primary key, each in its own transaction, outside the migration.");
        }
    }

    static void truncate(Cursor c, Context ctx, Verdict v) {
        c.expect("TRUNCATE");
        c.accept("TABLE");
        List<String> tables = new ArrayList<>();
        do {
            c.accept("ONLY");
            tables.add(c.qualifiedName("a table name"));
            c.acceptSymbol("*");
        } while (c.acceptSymbol(","));
        boolean cascade = false;
        while (!c.atEnd()) {
            cascade |= c.next().is("CASCADE");
        }
        v.type("TRUNCATE").lock(LockLevel.ACCESS_EXCLUSIVE).rewrite(Rewrite.YES);
        tables.forEach(v::table);
        v.rule("truncate", Risk.HIGH, MigrationClass.MAINTENANCE,
                "TRUNCATE takes ACCESS EXCLUSIVE on " + String.join(", ", tables) + " and removes every row (new, empty files).");
        v.alternative("Delete in batches if the table must stay online; take a labelled backup first.");
        if (cascade) {
            v.rule("ban-truncate-cascade", Risk.HIGH, MigrationClass.MAINTENANCE,
                    "CASCADE also empties every table with a foreign key to " + String.join(", ", tables) + ", which may be far more than intended.");
        }
    }

    static void lock(Cursor c, Verdict v) {
        c.expect("LOCK");
        c.accept("TABLE");
        List<String> tables = new ArrayList<>();
        do {
            c.accept("ONLY");
            tables.add(c.qualifiedName("a table name"));
            c.acceptSymbol("*");
        } while (c.acceptSymbol(","));
        LockLevel level = LockLevel.ACCESS_EXCLUSIVE;
        if (c.accept("IN")) {
            StringBuilder mode = new StringBuilder();
            while (!c.atEnd() && !c.at("MODE")) {
                mode.append(mode.isEmpty() ? "" : " ").append(c.next().upper());
            }
            c.expect("MODE");
            level = parseMode(mode.toString(), c);
        }
        c.accept("NOWAIT");
        v.type("LOCK_TABLE").lock(level);
        tables.forEach(v::table);
        if (level.blocksWrites()) {
            v.rule("lock-table", level.blocksReads() ? Risk.HIGH : Risk.MEDIUM, MigrationClass.MAINTENANCE,
                    "LOCK TABLE holds " + level.sqlName() + " on " + String.join(", ", tables) + " until the transaction ends.");
            v.alternative("Keep the transaction short and set lock_timeout so the lock is not queued behind long queries.");
        }
    }

    private static LockLevel parseMode(String mode, Cursor c) {
        for (LockLevel l : LockLevel.values()) {
            if (l.sqlName().equals(mode.toUpperCase(Locale.ROOT))) {
                return l;
            }
        }
        throw c.error("Unknown lock mode " + mode);
    }

    static void insertOrCopy(Cursor c, Verdict v) {
        boolean insert = c.accept("INSERT");
        if (insert) {
            c.expect("INTO");
            v.type("INSERT").table(c.qualifiedName("a table name")).lock(LockLevel.ROW_EXCLUSIVE);
        } else {
            c.expect("COPY");
            String table = c.atSymbol("(") ? null : c.qualifiedName("a table name");
            boolean from = false;
            while (!c.atEnd()) {
                from |= c.next().is("FROM");
            }
            v.type("COPY").lock(from && table != null ? LockLevel.ROW_EXCLUSIVE : LockLevel.ACCESS_SHARE);
            if (table != null) {
                v.table(table);
            }
        }
        c.skipRest();
    }
}
