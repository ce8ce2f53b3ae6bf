package io.turnout.migrate.rules;

import io.turnout.migrate.LockLevel;
import io.turnout.migrate.MigrationClass;
import io.turnout.migrate.Risk;
import io.turnout.migrate.parse.Cursor;

import java.util.Set;

/**
 * CREATE INDEX / DROP INDEX / REINDEX. CREATE INDEX takes SHARE (writes wait for the whole
 * build), CONCURRENTLY SHARE UPDATE EXCLUSIVE but not inside a transaction block (CREATE INDEX
 * docs, "Building Indexes Concurrently"). DROP INDEX takes ACCESS EXCLUSIVE on the table,
 * CONCURRENTLY SHARE UPDATE EXCLUSIVE. REINDEX locks out writes (SHARE); CONCURRENTLY is PG 12+.
 */
final class IndexRules {

    private IndexRules() {
    }

    static void create(Cursor c, Context ctx, Verdict v) {
        c.expect("CREATE");
        boolean unique = c.accept("UNIQUE");
        c.expect("INDEX");
        boolean concurrently = c.accept("CONCURRENTLY");
        boolean ifNotExists = c.accept("IF", "NOT", "EXISTS");
        if (!c.at("ON")) {
            c.identifier("an index name or ON");
        }
        c.expect("ON");
        c.accept("ONLY");
        String table = c.qualifiedName("a table name after ON");
        if (c.accept("USING")) {
            c.identifier("an index method");
        }
        if (!c.atSymbol("(")) {
            throw c.error("Expected the indexed columns in parentheses");
        }
        if (c.parens().isEmpty()) {
            throw c.error("Expected at least one indexed column");
        }
        c.skipRest(); // INCLUDE, WITH, TABLESPACE, WHERE: no effect on locking
        v.type(unique ? "CREATE_UNIQUE_INDEX" : "CREATE_INDEX").table(table);
        if (!concurrently) {
            v.lock(LockLevel.SHARE);
            if (!ctx.isNew(table)) {
                v.rule("require-concurrent-index-creation", Risk.HIGH, MigrationClass.MAINTENANCE,
                        "CREATE INDEX holds SHARE on " + table + " for the whole build: INSERT/UPDATE/DELETE wait until it finishes.");
                v.alternative("CREATE " + (unique ? "UNIQUE " : "") + "INDEX CONCURRENTLY, outside a transaction block "
                        + "(Flyway: its own migration, with flyway.postgresql.transactional.lock=false).");
            }
            return;
        }
        v.lock(LockLevel.SHARE_UPDATE_EXCLUSIVE);
        concurrentRules(ctx, v, ifNotExists, "CREATE INDEX CONCURRENTLY", "IF NOT EXISTS");
        v.warn("A failed concurrent build leaves an INVALID index behind: drop it before retrying.");
    }

    static void drop(Cursor c, Context ctx, Verdict v) {
        c.expect("DROP", "INDEX");
        boolean concurrently = c.accept("CONCURRENTLY");
        boolean ifExists = c.accept("IF", "EXISTS");
        do {
            c.qualifiedName("an index name");
        } while (c.acceptSymbol(","));
        if (!c.accept("CASCADE")) {
            c.accept("RESTRICT");
        }
        v.type("DROP_INDEX");
        if (!concurrently) {
            v.lock(LockLevel.ACCESS_EXCLUSIVE);
            v.rule("require-concurrent-index-deletion", Risk.MEDIUM, MigrationClass.SAFE,
                    "DROP INDEX takes ACCESS EXCLUSIVE on the index's table: it queues behind running queries and every query queues behind it.");
            v.alternative("DROP INDEX CONCURRENTLY, outside a transaction block.");
            return;
        }
        v.lock(LockLevel.SHARE_UPDATE_EXCLUSIVE);
        concurrentRules(ctx, v, ifExists, "DROP INDEX CONCURRENTLY", "IF EXISTS");
    }

    private static void concurrentRules(Context ctx, Verdict v, boolean robust, String what, String guard) {
        if (ctx.inTransaction()) {
            v.rule("ban-concurrent-index-creation-in-transaction", Risk.HIGH, MigrationClass.SAFE,
                    what + " cannot run inside a transaction block; this one follows BEGIN and will fail.");
            v.alternative("Move it to its own migration outside BEGIN/COMMIT (Flyway: flyway.postgresql.transactional.lock=false).");
        } else {
            v.warn(what + " cannot run inside a transaction block: give it its own migration "
                    + "(Flyway: set flyway.postgresql.transactional.lock=false, or it waits on its own advisory lock).");
        }
        if (!robust) {
            v.rule("prefer-robust-stmts", Risk.LOW, MigrationClass.SAFE,
                    "Without " + guard + " a retried migration fails on the half-finished object; add " + guard + ".");
        }
    }

    static void reindex(Cursor c, Context ctx, Verdict v) {
        c.expect("REINDEX");
        boolean concurrently = false;
        if (c.atSymbol("(")) {
            concurrently = c.parens().stream().anyMatch(t -> t.is("CONCURRENTLY"));
        }
        String kind = c.next().upper();
        if (!Set.of("INDEX", "TABLE", "SCHEMA", "DATABASE", "SYSTEM").contains(kind)) {
            throw c.error("Expected INDEX, TABLE, SCHEMA, DATABASE or SYSTEM after REINDEX");
        }
        concurrently |= c.accept("CONCURRENTLY");
        String name = c.atEnd() ? null : c.qualifiedName("a name");
        v.type("REINDEX");
        if (kind.equals("TABLE") && name != null) {
            v.table(name);
        }
        if (!concurrently) {
            v.lock(LockLevel.SHARE);
            v.rule("reindex", Risk.HIGH, MigrationClass.MAINTENANCE,
                    "REINDEX locks out writes to the table (SHARE) and reads that use the index (ACCESS EXCLUSIVE on it) until it finishes.");
            v.alternative(Boolean.FALSE.equals(ctx.atLeast(12))
                    ? "Before PostgreSQL 12: CREATE INDEX CONCURRENTLY a copy, DROP INDEX CONCURRENTLY the old one, rename."
                    : "REINDEX " + kind + " CONCURRENTLY (PostgreSQL 12+), outside a transaction block.");
            return;
        }
        v.lock(LockLevel.SHARE_UPDATE_EXCLUSIVE);
        if (Boolean.FALSE.equals(ctx.atLeast(12))) {
            v.rule("reindex-concurrently-unsupported", Risk.HIGH, MigrationClass.MAINTENANCE,
                    "REINDEX CONCURRENTLY needs PostgreSQL 12; this server rejects it.");
        }
        if (ctx.inTransaction()) {
            v.rule("ban-concurrent-index-creation-in-transaction", Risk.HIGH, MigrationClass.SAFE,
                    "REINDEX CONCURRENTLY cannot run inside a transaction block.");
        }
    }
}
