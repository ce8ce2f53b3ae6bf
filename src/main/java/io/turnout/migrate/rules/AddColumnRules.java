package io.turnout.migrate.rules;

import io.turnout.migrate.LockLevel;
import io.turnout.migrate.MigrationClass;
import io.turnout.migrate.Rewrite;
import io.turnout.migrate.Risk;
import io.turnout.migrate.parse.ColumnDef;

/**
 * ALTER TABLE ... ADD COLUMN. The lock is always ACCESS EXCLUSIVE; what matters is whether the
 * table is rewritten (volatile default, serial/identity, stored generated column, any default
 * before PG 11), scanned (inline FK/CHECK) or indexed under that lock (inline PRIMARY KEY/UNIQUE),
 * and whether old code still works (NOT NULL without a default).
 */
final class AddColumnRules {

    private AddColumnRules() {
    }

    static void apply(String table, ColumnDef col, Context ctx, Verdict v) {
        v.action("ADD_COLUMN").lock(LockLevel.ACCESS_EXCLUSIVE);
        ctx.catalog().put(table, col.name(), col.type());
        TypeAdvice.check(col.name(), col.type(), v);
        if (col.type().name().equals("json")) {
            v.rule("add-json-column", Risk.MEDIUM, MigrationClass.SAFE,
                    "json has no equality operator: existing SELECT DISTINCT / UNION queries on " + table + " start failing.");
            v.alternative("Use jsonb instead of json.");
        }
        if (ctx.isNew(table)) {
            return; // created in this migration: empty, nobody uses it yet
        }
        rewriteRules(table, col, ctx, v);
        if (col.notNull() && !col.hasDefault() && !col.identity() && !col.type().isSerial() && !col.generatedStored()) {
            v.rule("adding-required-field", Risk.HIGH, MigrationClass.RISKY,
                    "NOT NULL without a DEFAULT fails as soon as " + table + " has a row, and old code inserting without "
                            + col.name() + " fails afterwards.");
            v.alternative("Add the column nullable (or with a constant DEFAULT), backfill in batches, then add NOT NULL via a validated CHECK.");
        }
        if (col.primaryKey()) {
            v.rule("adding-serial-primary-key-field", Risk.HIGH, MigrationClass.MAINTENANCE,
                    "PRIMARY KEY builds its unique index while holding ACCESS EXCLUSIVE on " + table + ".");
            v.alternative("Add the column, CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... PRIMARY KEY USING INDEX.");
        } else if (col.unique()) {
            v.rule("disallowed-unique-constraint", Risk.HIGH, MigrationClass.MAINTENANCE,
                    "UNIQUE builds its index while holding ACCESS EXCLUSIVE on " + table + ".");
            v.alternative("Add the column, CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... UNIQUE USING INDEX.");
        }
        if (col.references() != null) {
            v.table(col.references()).lock(LockLevel.SHARE_ROW_EXCLUSIVE);
            v.rule("adding-foreign-key-constraint", Risk.MEDIUM, MigrationClass.SAFE,
                    "The inline REFERENCES is validated at once and takes SHARE ROW EXCLUSIVE on " + col.references() + " too.");
            v.alternative("Add the column without REFERENCES, then ADD CONSTRAINT ... FOREIGN KEY ... NOT VALID and VALIDATE CONSTRAINT separately.");
        }
        if (col.check()) {
            v.rule("constraint-missing-not-valid", Risk.MEDIUM, MigrationClass.SAFE,
                    "The inline CHECK is validated against every row under ACCESS EXCLUSIVE.");
            v.alternative("Add the column, then ADD CONSTRAINT ... CHECK (...) NOT VALID and VALIDATE CONSTRAINT separately.");
        }
    }

    private static void rewriteRules(String table, ColumnDef col, Context ctx, Verdict v) {
        String rewrites = "rewrites " + table + " under ACCESS EXCLUSIVE: reads and writes wait for the whole rewrite.";
        String alt = "Add the column without a default, SET DEFAULT for new rows, backfill existing rows in batches.";
        if (col.generatedStored()) {
            v.rewrite(Rewrite.YES).rule("add-column-generated-stored", Risk.HIGH, MigrationClass.MAINTENANCE,
                    "A stored generated column is computed for every row: " + rewrites);
            v.alternative("Add a plain column kept up to date by a trigger, backfill in batches.");
        } else if (col.identity() || col.type().isSerial()) {
            v.rewrite(Rewrite.YES).rule("add-column-auto-increment", Risk.HIGH, MigrationClass.MAINTENANCE,
                    "An identity/serial column draws a sequence value for every existing row: " + rewrites);
            v.alternative("Add a nullable bigint, attach a sequence default for new rows, backfill existing rows in batches.");
        } else if (col.hasDefault()) {
            Volatility.Kind k = Volatility.of(col.defaultExpr());
            if (k != Volatility.Kind.CONSTANT) {
                String why = k == Volatility.Kind.VOLATILE ? "The default " + Volatility.firstFunction(col.defaultExpr()) + " is volatile"
                        : "The default calls " + Volatility.firstFunction(col.defaultExpr()) + ", assumed volatile (not a known stable built-in)";
                v.rewrite(Rewrite.YES).rule("adding-field-with-default", Risk.HIGH, MigrationClass.MAINTENANCE,
                        why + ": the value is computed per row, which " + rewrites);
                v.alternative(alt);
            } else {
                Rewrite r = ctx.rewriteBefore(11);
                v.rewrite(r);
                if (r == Rewrite.YES) {
                    v.rule("adding-field-with-default", Risk.HIGH, MigrationClass.MAINTENANCE,
                            "Before PostgreSQL 11 any DEFAULT " + rewrites);
                    v.alternative(alt);
                } else if (r == Rewrite.DEPENDS) {
                    v.rule("adding-field-with-default", Risk.MEDIUM, MigrationClass.MAINTENANCE,
                            "A constant DEFAULT is a catalog-only change on PostgreSQL 11+, but before 11 it " + rewrites);
                    v.alternative("Pass --pg-version (or --db); on 10 or older: " + alt);
                }
            }
        }
    }
}
