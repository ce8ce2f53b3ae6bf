package io.turnout.migrate.rules;

import io.turnout.migrate.LockLevel;
import io.turnout.migrate.MigrationClass;
import io.turnout.migrate.Risk;
import io.turnout.migrate.parse.Cursor;
import io.turnout.migrate.parse.DataType;

import java.util.Set;

/**
 * ALTER TABLE ... ALTER [COLUMN] c ...: type changes, defaults, NOT NULL, statistics/storage.
 * Lock levels from the ALTER TABLE reference page: SET STATISTICS and SET (attribute_option)
 * take SHARE UPDATE EXCLUSIVE; everything else here ACCESS EXCLUSIVE.
 */
final class AlterColumnRules {

    private static final Set<String> USING_STOP = Set.of("USING", "COLLATE");

    private AlterColumnRules() {
    }

    static void apply(Cursor c, String table, Context ctx, Verdict v) {
        String col = c.identifier("a column name");
        if (c.accept("SET", "DATA", "TYPE") || c.accept("TYPE")) {
            DataType to = DataType.read(c);
            c.accept("COLLATE");
            boolean using = false;
            while (!c.atEnd() && !c.atSymbol(",")) {
                if (c.accept("USING")) {
                    using = true;
                    c.until(USING_STOP);
                } else {
                    c.next();
                }
            }
            ColumnTypeChange.apply(table, col, to, using, ctx, v);
        } else if (c.accept("SET", "DEFAULT")) {
            c.until(Set.of());
            v.action("SET_DEFAULT").lock(LockLevel.ACCESS_EXCLUSIVE)
                    .warn("Changes the default for new rows only; existing rows keep their values (no rewrite).");
        } else if (c.accept("DROP", "DEFAULT")) {
            v.action("DROP_DEFAULT").lock(LockLevel.ACCESS_EXCLUSIVE);
        } else if (c.accept("SET", "NOT", "NULL")) {
            setNotNull(table, col, ctx, v);
        } else if (c.accept("DROP", "NOT", "NULL")) {
            v.action("DROP_NOT_NULL").lock(LockLevel.ACCESS_EXCLUSIVE);
            if (!ctx.isNew(table)) {
                v.rule("ban-drop-not-null", Risk.MEDIUM, MigrationClass.RISKY,
                        "Dropping NOT NULL on " + table + "." + col + " lets new code write NULLs that the running version may not handle.");
                v.alternative("Release code that tolerates NULL in " + col + " first, then drop the constraint.");
            }
        } else if (c.accept("SET", "STATISTICS") || c.at("SET") && c.peek(1) != null && c.peek(1).isSymbol("(") || c.accept("RESET")) {
            c.until(Set.of());
            v.action("SET_COLUMN_OPTION").lock(LockLevel.SHARE_UPDATE_EXCLUSIVE);
        } else if (c.accept("SET", "STORAGE") || c.accept("SET", "COMPRESSION")) {
            c.next();
            v.action("SET_COLUMN_STORAGE").lock(LockLevel.ACCESS_EXCLUSIVE)
                    .warn("Applies to values written from now on; existing rows are not rewritten.");
        } else if (c.accept("ADD", "GENERATED")) {
            c.until(Set.of());
            v.action("ADD_IDENTITY").lock(LockLevel.ACCESS_EXCLUSIVE)
                    .warn("Existing values stay; make sure the sequence starts above the current maximum.");
        } else if (c.accept("DROP", "IDENTITY") || c.accept("DROP", "EXPRESSION") || c.accept("SET", "GENERATED")
                || c.accept("RESTART") || c.accept("SET", "INCREMENT")) {
            c.until(Set.of());
            v.action("ALTER_IDENTITY").lock(LockLevel.ACCESS_EXCLUSIVE);
        } else {
            throw c.error("Expected TYPE, SET/DROP DEFAULT, SET/DROP NOT NULL or SET STATISTICS for column " + col);
        }
    }

    /**
     * SET NOT NULL scans the whole table under ACCESS EXCLUSIVE, unless (PostgreSQL 12+) a
     * validated CHECK (col IS NOT NULL) already proves it (ALTER TABLE docs, SET/DROP NOT NULL).
     */
    private static void setNotNull(String table, String col, Context ctx, Verdict v) {
        v.action("SET_NOT_NULL").lock(LockLevel.ACCESS_EXCLUSIVE);
        if (ctx.isNew(table)) {
            return;
        }
        String alt = "ADD CONSTRAINT " + col + "_not_null CHECK (" + col + " IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT "
                + col + "_not_null; then SET NOT NULL (no scan on PostgreSQL 12+) and drop the CHECK.";
        if (ctx.hasValidatedNotNullCheck(table, col)) {
            Boolean pg12 = ctx.atLeast(12);
            if (Boolean.TRUE.equals(pg12)) {
                v.warn("A validated CHECK (" + col + " IS NOT NULL) lets PostgreSQL 12+ skip the scan; drop the CHECK afterwards.");
                return;
            }
            v.rule("adding-not-nullable-field", pg12 == null ? Risk.MEDIUM : Risk.HIGH, MigrationClass.MAINTENANCE,
                    pg12 == null ? "The validated CHECK avoids the full scan only on PostgreSQL 12+; before 12 SET NOT NULL scans " + table + " under ACCESS EXCLUSIVE."
                            : "Before PostgreSQL 12 SET NOT NULL scans " + table + " under ACCESS EXCLUSIVE even with a validated CHECK.");
            return;
        }
        v.rule("adding-not-nullable-field", Risk.HIGH, MigrationClass.MAINTENANCE,
                "SET NOT NULL scans every row of " + table + " while holding ACCESS EXCLUSIVE (reads and writes wait); old code writing NULL then fails.");
        v.alternative(Boolean.FALSE.equals(ctx.atLeast(12))
                ? "Before PostgreSQL 12 keep a validated CHECK (" + col + " IS NOT NULL) NOT VALID + VALIDATE instead of SET NOT NULL."
                : alt);
    }
}
