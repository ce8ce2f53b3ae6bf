package io.turnout.migrate.rules;

import io.turnout.migrate.LockLevel;
import io.turnout.migrate.MigrationClass;
import io.turnout.migrate.Risk;
import io.turnout.migrate.parse.Constraints;
import io.turnout.migrate.parse.Constraints.TableConstraint;
import io.turnout.migrate.parse.Cursor;
import io.turnout.migrate.parse.Token;

import java.util.List;

/**
 * ADD / VALIDATE / DROP CONSTRAINT. From the ALTER TABLE reference: ADD FOREIGN KEY takes SHARE
 * ROW EXCLUSIVE on both tables; VALIDATE CONSTRAINT takes SHARE UPDATE EXCLUSIVE (and ROW SHARE
 * on a referenced table); other ADD CONSTRAINT forms take ACCESS EXCLUSIVE. NOT VALID skips the
 * scan of existing rows; UNIQUE/PRIMARY KEY without USING INDEX build the index under the lock.
 */
final class ConstraintRules {

    private ConstraintRules() {
    }

    static void add(Cursor c, String table, Context ctx, Verdict v) {
        int checkStart = c.position();
        TableConstraint tc = Constraints.read(c);
        v.action("ADD_CONSTRAINT").lock(tc.kind() == Constraints.Kind.FOREIGN_KEY
                ? LockLevel.SHARE_ROW_EXCLUSIVE : LockLevel.ACCESS_EXCLUSIVE);
        if (tc.kind() == Constraints.Kind.CHECK) {
            String col = notNullColumn(c.tokens(checkStart, c.position()));
            if (col != null) {
                ctx.notNullCheck(tc.name(), table, col, !tc.notValid() || ctx.isNew(table));
            }
        }
        if (tc.references() != null) {
            v.table(tc.references());
        }
        if (ctx.isNew(table)) {
            return;
        }
        switch (tc.kind()) {
            case CHECK -> {
                if (!tc.notValid()) {
                    v.rule("constraint-missing-not-valid", Risk.HIGH, MigrationClass.MAINTENANCE,
                            "The CHECK is validated against every row of " + table + " while ACCESS EXCLUSIVE blocks reads and writes.");
                    v.alternative("ADD CONSTRAINT ... CHECK (...) NOT VALID (instant), then VALIDATE CONSTRAINT in a separate statement (SHARE UPDATE EXCLUSIVE, writes continue).");
                } else {
                    v.warn("NOT VALID: existing rows are not checked; run VALIDATE CONSTRAINT next (SHARE UPDATE EXCLUSIVE, writes continue).");
                }
            }
            case FOREIGN_KEY -> {
                if (!tc.notValid()) {
                    v.rule("adding-foreign-key-constraint", Risk.HIGH, MigrationClass.MAINTENANCE,
                            "The foreign key is validated by scanning " + table + " while SHARE ROW EXCLUSIVE blocks writes to "
                                    + table + " and " + tc.references() + ".");
                    v.rule("constraint-missing-not-valid", Risk.HIGH, MigrationClass.MAINTENANCE, null);
                    v.alternative("ADD CONSTRAINT ... FOREIGN KEY ... NOT VALID, then VALIDATE CONSTRAINT in a separate transaction.");
                } else {
                    v.warn("NOT VALID: only new rows are checked; run VALIDATE CONSTRAINT next (SHARE UPDATE EXCLUSIVE).");
                }
            }
            case UNIQUE -> indexBacked(tc, table, "disallowed-unique-constraint", "UNIQUE", v);
            case PRIMARY_KEY -> indexBacked(tc, table, "adding-serial-primary-key-field", "PRIMARY KEY", v);
            case EXCLUDE -> {
                v.rule("adding-exclusion-constraint", Risk.HIGH, MigrationClass.MAINTENANCE,
                        "The exclusion constraint builds its index while holding ACCESS EXCLUSIVE on " + table + ".");
                v.alternative("There is no concurrent form; add it while " + table + " is small or in a maintenance window.");
            }
        }
    }

    private static void indexBacked(TableConstraint tc, String table, String rule, String what, Verdict v) {
        if (tc.usingIndex()) {
            v.warn(what + " USING INDEX reuses an existing index: only a brief ACCESS EXCLUSIVE lock.");
            return;
        }
        v.rule(rule, Risk.HIGH, MigrationClass.MAINTENANCE,
                what + " builds its index while ACCESS EXCLUSIVE blocks reads and writes on " + table + ".");
        v.alternative("CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT ... " + what + " USING INDEX.");
    }

    static void validate(Cursor c, String table, Context ctx, Verdict v) {
        String name = c.identifier("a constraint name");
        ctx.validated(table, name);
        v.action("VALIDATE_CONSTRAINT").lock(LockLevel.SHARE_UPDATE_EXCLUSIVE)
                .warn("Scans " + table + " under SHARE UPDATE EXCLUSIVE: reads and writes continue.");
    }

    static void drop(Cursor c, Verdict v) {
        c.accept("IF", "EXISTS");
        c.identifier("a constraint name");
        if (!c.accept("CASCADE")) {
            c.accept("RESTRICT");
        }
        v.action("DROP_CONSTRAINT").lock(LockLevel.ACCESS_EXCLUSIVE);
    }

    /** The column of a CHECK (col IS NOT NULL), or null for any other check. */
    private static String notNullColumn(List<Token> t) {
        for (int i = 0; i + 3 < t.size(); i++) {
            if (t.get(i).isIdentifier() && t.get(i + 1).is("IS") && t.get(i + 2).is("NOT") && t.get(i + 3).is("NULL")) {
                boolean alone = t.stream().noneMatch(x -> x.is("OR") || x.is("AND"));
                return alone ? t.get(i).name() : null;
            }
        }
        return null;
    }
}
