package io.turnout.migrate.rules;

import io.turnout.migrate.LockLevel;
import io.turnout.migrate.MigrationClass;
import io.turnout.migrate.Risk;
import io.turnout.migrate.parse.ColumnDef;
import io.turnout.migrate.parse.Constraints;
import io.turnout.migrate.parse.Cursor;

/**
 * CREATE TABLE: safe (nobody uses the table yet), with squawk's column-type advice. A REFERENCES
 * to an existing table takes SHARE ROW EXCLUSIVE on that table (writes to it wait briefly).
 */
final class CreateTableRules {

    private CreateTableRules() {
    }

    static void apply(Cursor c, Context ctx, Verdict v) {
        c.expect("CREATE");
        c.accept("OR", "REPLACE");
        if (!c.accept("TEMP") && !c.accept("TEMPORARY") && !c.accept("UNLOGGED")) {
            c.accept("GLOBAL");
            c.accept("LOCAL");
        }
        c.expect("TABLE");
        c.accept("IF", "NOT", "EXISTS");
        String table = c.qualifiedName("a table name after CREATE TABLE");
        v.type("CREATE_TABLE").table(table);
        ctx.created(table);
        if (c.accept("PARTITION", "OF")) {
            String parent = c.qualifiedName("a parent table");
            v.table(parent).lock(LockLevel.ACCESS_EXCLUSIVE)
                    .warn("CREATE TABLE ... PARTITION OF takes ACCESS EXCLUSIVE on " + parent + ".");
            c.skipRest();
            return;
        }
        if (c.accept("AS")) {
            c.skipRest();
            v.warn("CREATE TABLE AS copies data: it reads the source tables under ACCESS SHARE.");
            return;
        }
        if (!c.atSymbol("(")) {
            c.skipRest(); // OF type, LIKE ...: nothing to inspect
            return;
        }
        c.expectSymbol("(");
        if (!c.atSymbol(")")) {
            do {
                element(c, table, ctx, v);
            } while (c.acceptSymbol(","));
        }
        c.expectSymbol(")");
        c.skipRest(); // INHERITS, PARTITION BY, WITH, TABLESPACE
    }

    private static void element(Cursor c, String table, Context ctx, Verdict v) {
        if (c.accept("LIKE")) {
            c.qualifiedName("a table name");
            c.until(java.util.Set.of());
            return;
        }
        if (Constraints.atConstraint(c)) {
            Constraints.TableConstraint tc = Constraints.read(c);
            if (tc.references() != null) {
                foreignKey(tc.references(), ctx, v);
            }
            return;
        }
        ColumnDef col = ColumnDef.read(c);
        ctx.catalog().put(table, col.name(), col.type());
        TypeAdvice.check(col.name(), col.type(), v);
        if (col.references() != null) {
            foreignKey(col.references(), ctx, v);
        }
    }

    private static void foreignKey(String referenced, Context ctx, Verdict v) {
        v.table(referenced);
        if (!ctx.isNew(referenced)) {
            v.lock(LockLevel.SHARE_ROW_EXCLUSIVE).raise(Risk.LOW, MigrationClass.SAFE)
                    .warn("The foreign key takes SHARE ROW EXCLUSIVE on " + referenced + " briefly (writes to it wait).");
        }
    }
}
