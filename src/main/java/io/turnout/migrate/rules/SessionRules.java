package io.turnout.migrate.rules;

import io.turnout.migrate.MigrationClass;
import io.turnout.migrate.Risk;
import io.turnout.migrate.parse.Cursor;
import io.turnout.migrate.parse.Token;

/**
 * SET and transaction control. A {@code SET lock_timeout} before the first locking statement
 * relaxes squawk's require-timeout-settings; BEGIN/COMMIT are tracked so CONCURRENTLY inside a
 * transaction can be flagged, and nested or stray ones reported (squawk transaction-nesting:
 * migration tools such as Flyway already wrap each file in a transaction).
 */
final class SessionRules {

    private SessionRules() {
    }

    static void set(Cursor c, Context ctx, Verdict v) {
        c.expect("SET");
        if (!c.accept("LOCAL")) {
            c.accept("SESSION");
        }
        Token name = c.next();
        if (!c.accept("TO")) {
            c.acceptSymbol("=");
        }
        // 0 (or '0', or DEFAULT, which is 0 unless configured) means "wait forever"
        boolean disables = c.atEnd() || c.peek().text().strip().matches("0+(ms|s)?") || c.peek().is("DEFAULT");
        c.skipRest();
        v.type("SET");
        String n = name.upper();
        if (n.equals("LOCK_TIMEOUT")) {
            ctx.lockTimeoutSet = !disables;
        } else if (n.equals("STATEMENT_TIMEOUT")) {
            ctx.statementTimeoutSet = !disables;
        }
    }

    static void begin(Cursor c, Context ctx, Verdict v) {
        c.skipRest();
        v.type("BEGIN");
        if (ctx.inTransaction) {
            v.rule("transaction-nesting", Risk.MEDIUM, MigrationClass.SAFE,
                    "BEGIN inside an open transaction is ignored with a warning: the inner COMMIT ends the outer transaction.");
        } else {
            v.warn("Flyway already runs each migration in a transaction; an explicit BEGIN/COMMIT splits it.");
        }
        ctx.inTransaction = true;
    }

    static void end(Cursor c, Context ctx, Verdict v, String what) {
        c.skipRest();
        v.type(what);
        if (!ctx.inTransaction) {
            v.rule("transaction-nesting", Risk.MEDIUM, MigrationClass.SAFE,
                    what + " without a BEGIN in this file ends the transaction the migration tool opened.");
        }
        ctx.inTransaction = false;
    }
}
