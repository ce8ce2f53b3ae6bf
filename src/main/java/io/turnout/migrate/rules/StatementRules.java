package io.turnout.migrate.rules;

import io.turnout.migrate.Dialect;
import io.turnout.migrate.LockLevel;
import io.turnout.migrate.parse.Cursor;
import io.turnout.migrate.parse.Token;

import java.util.Optional;

/** Sends each statement to its rule family by its leading keywords. */
public final class StatementRules {

    private StatementRules() {
    }

    public static void apply(Cursor c, Context ctx, Verdict v) {
        Token first = c.peek();
        String w1 = first.upper();
        if (ctx.dialect() == Dialect.MYSQL) {
            MySqlRules.statement(c, ctx, v, w1);
            return;
        }
        postgresFamilies(c, ctx, v);
        noteTimeout(ctx, v);
    }

    /** The PostgreSQL rule families; MySQL reuses them for statements it has no special rules for. */
    static void postgresFamilies(Cursor c, Context ctx, Verdict v) {
        String w1 = c.peek().upper();
        if (c.at("ALTER", "TABLE")) {
            AlterTableRules.apply(c, ctx, v);
        } else if (c.at("CREATE", "INDEX") || c.at("CREATE", "UNIQUE", "INDEX")) {
            IndexRules.create(c, ctx, v);
        } else if (c.at("DROP", "INDEX")) {
            IndexRules.drop(c, ctx, v);
        } else if (c.at("REINDEX")) {
            IndexRules.reindex(c, ctx, v);
        } else if (isCreateTable(c)) {
            CreateTableRules.apply(c, ctx, v);
        } else if (c.at("DROP")) {
            DropRules.apply(c, ctx, v);
        } else if (c.at("ALTER", "TYPE")) {
            EnumDomainRules.alterType(c, ctx, v);
        } else if (c.at("CREATE", "DOMAIN")) {
            EnumDomainRules.createDomain(c, v);
        } else if (c.at("ALTER", "DOMAIN")) {
            EnumDomainRules.alterDomain(c, v);
        } else if (c.at("UPDATE") || c.at("DELETE")) {
            DataRules.updateOrDelete(c, ctx, v);
        } else if (c.at("INSERT") || c.at("COPY")) {
            DataRules.insertOrCopy(c, v);
        } else if (c.at("TRUNCATE")) {
            DataRules.truncate(c, ctx, v);
        } else if (c.at("LOCK")) {
            DataRules.lock(c, v);
        } else if (c.at("VACUUM") || c.at("ANALYZE") || c.at("ANALYSE")) {
            MaintenanceRules.vacuum(c, ctx, v);
        } else if (c.at("CLUSTER")) {
            MaintenanceRules.cluster(c, v);
        } else if (c.at("REFRESH")) {
            MaintenanceRules.refresh(c, v);
        } else if (c.at("SET")) {
            SessionRules.set(c, ctx, v);
        } else if (c.at("BEGIN") || c.at("START", "TRANSACTION")) {
            SessionRules.begin(c, ctx, v);
        } else if (c.at("COMMIT") || c.at("END") || c.at("ROLLBACK") || c.at("ABORT")) {
            SessionRules.end(c, ctx, v, w1.equals("END") ? "COMMIT" : w1.equals("ABORT") ? "ROLLBACK" : w1);
        } else {
            OtherRules.apply(c, v);
        }
    }

    private static boolean isCreateTable(Cursor c) {
        for (int k = 1; k <= 4 && c.peek(k) != null; k++) {
            if (c.peek(k).is("TABLE")) {
                return c.at("CREATE");
            }
            if (!(c.peek(k).is("TEMP") || c.peek(k).is("TEMPORARY") || c.peek(k).is("UNLOGGED")
                    || c.peek(k).is("GLOBAL") || c.peek(k).is("LOCAL") || c.peek(k).is("OR") || c.peek(k).is("REPLACE"))) {
                return false;
            }
        }
        return false;
    }

    /** Remembers the first statement that queues for a table lock without a lock_timeout set. */
    private static void noteTimeout(Context ctx, Verdict v) {
        if (ctx.dialect() == Dialect.POSTGRESQL && !ctx.lockTimeoutSet && ctx.firstUntimedLock == null
                && v.lock().compareTo(LockLevel.SHARE_UPDATE_EXCLUSIVE) >= 0
                && (v.tables().isEmpty() || !v.tables().stream().allMatch(ctx::isNew))) {
            ctx.firstUntimedLock = v.lock().sqlName();
        }
    }

    /** squawk require-timeout-settings, once per file. */
    public static Optional<String> timeoutWarning(Context ctx) {
        if (ctx.firstUntimedLock == null) {
            return Optional.empty();
        }
        return Optional.of("require-timeout-settings: a statement waits for " + ctx.firstUntimedLock
                + " before any SET lock_timeout; while it waits, every query on the table queues behind it. "
                + "Start the migration with SET lock_timeout = '5s' (and a statement_timeout).");
    }
}
