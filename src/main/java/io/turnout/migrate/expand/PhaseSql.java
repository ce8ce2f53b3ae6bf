package io.turnout.migrate.expand;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The SQL of each phase for one change. Generated statements are each safe on a live database. */
final class PhaseSql {

    final List<String> expand = new ArrayList<>();
    final List<String> migrate = new ArrayList<>();
    final List<String> contract = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    /** The code release the operator ships between expand and contract, in one sentence. */
    String codeStep;

    private PhaseSql() {
    }

    static PhaseSql of(SchemaChange change, int batchSize, ColumnTypes types) {
        PhaseSql p = new PhaseSql();
        switch (change) {
            case SchemaChange.RenameColumn r -> p.rename(r, batchSize, types);
            case SchemaChange.ChangeType t -> p.retype(t, batchSize);
            case SchemaChange.DropColumn d -> p.drop(d);
            case SchemaChange.AddNotNullColumn a -> p.addNotNull(a, batchSize);
            case SchemaChange.SetNotNull n -> p.setNotNull(n);
        }
        return p;
    }

    private void rename(SchemaChange.RenameColumn r, int batchSize, ColumnTypes types) {
        String fn = Names.derived("turnout_sync", Names.bare(r.table()), r.from());
        String type = types.typeOf(r.table(), r.from()).orElse(null);
        if (type != null) {
            expand.add("ALTER TABLE " + r.table() + " ADD COLUMN " + r.to() + " " + type);
        } else {
            // The type is read from the catalog at migration time: nothing earlier in the folder declared it.
            expand.add("DO $expand$ BEGIN EXECUTE format('ALTER TABLE %s ADD COLUMN %I %s', " + literal(r.table()) + ", "
                    + literal(unquote(r.to())) + ", (SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = "
                    + literal(r.table()) + "::regclass AND attname = " + literal(unquote(r.from())) + ")); END $expand$");
        }
        expand.add("CREATE OR REPLACE FUNCTION " + fn + "() RETURNS trigger LANGUAGE plpgsql AS $sync$\nBEGIN\n"
                + "  IF TG_OP = 'INSERT' THEN\n"
                + "    NEW." + r.to() + " := COALESCE(NEW." + r.to() + ", NEW." + r.from() + ");\n"
                + "    NEW." + r.from() + " := COALESCE(NEW." + r.from() + ", NEW." + r.to() + ");\n"
                + "  ELSIF NEW." + r.from() + " IS DISTINCT FROM OLD." + r.from() + " THEN\n"
                + "    NEW." + r.to() + " := NEW." + r.from() + ";\n"
                + "  ELSIF NEW." + r.to() + " IS DISTINCT FROM OLD." + r.to() + " THEN\n"
                + "    NEW." + r.from() + " := NEW." + r.to() + ";\n"
                + "  END IF;\n  RETURN NEW;\nEND\n$sync$");
        expand.add("CREATE TRIGGER " + fn + " BEFORE INSERT OR UPDATE ON " + r.table() + " FOR EACH ROW EXECUTE FUNCTION " + fn + "()");
        migrate.add(Backfill.batched(r.table(), r.to() + " = " + r.from(), r.to() + " IS DISTINCT FROM " + r.from(), batchSize));
        contract.add("DROP TRIGGER IF EXISTS " + fn + " ON " + r.table());
        contract.add("DROP FUNCTION IF EXISTS " + fn + "()");
        contract.add("ALTER TABLE " + r.table() + " DROP COLUMN " + r.from());
        codeStep = "Release code that reads and writes `" + r.to() + "` (a trigger keeps `" + r.from() + "` in step for the old code).";
        warnings.add("Constraints, defaults and indexes on " + r.table() + "." + r.from() + " are not copied to " + r.to()
                + "; add them (CONCURRENTLY / NOT VALID) before the contract phase.");
    }

    private void retype(SchemaChange.ChangeType t, int batchSize) {
        String tmp = Names.derived(unquote(t.column()), "new");
        String fn = Names.derived("turnout_sync", Names.bare(t.table()), t.column());
        String expr = t.using() == null ? t.column() + "::" + t.newType() : t.using();
        expand.add("ALTER TABLE " + t.table() + " ADD COLUMN " + tmp + " " + t.newType());
        expand.add("CREATE OR REPLACE FUNCTION " + fn + "() RETURNS trigger LANGUAGE plpgsql AS $sync$\nBEGIN\n"
                + "  NEW." + tmp + " := " + onNew(expr, t.column()) + ";\n  RETURN NEW;\nEND\n$sync$");
        expand.add("CREATE TRIGGER " + fn + " BEFORE INSERT OR UPDATE ON " + t.table() + " FOR EACH ROW EXECUTE FUNCTION " + fn + "()");
        migrate.add(Backfill.batched(t.table(), tmp + " = " + expr, tmp + " IS DISTINCT FROM " + expr, batchSize));
        contract.add("DROP TRIGGER IF EXISTS " + fn + " ON " + t.table());
        contract.add("DROP FUNCTION IF EXISTS " + fn + "()");
        String old = Names.derived(unquote(t.column()), "old");
        contract.add("ALTER TABLE " + t.table() + " RENAME COLUMN " + t.column() + " TO " + old);
        contract.add("ALTER TABLE " + t.table() + " RENAME COLUMN " + tmp + " TO " + t.column());
        contract.add("ALTER TABLE " + t.table() + " DROP COLUMN " + old);
        codeStep = "Release code that works with `" + t.column() + "` as " + t.newType() + " (the swap in the contract phase is instant).";
        warnings.add("Constraints, defaults and indexes on " + t.table() + "." + t.column() + " are not carried over to the new column; "
                + "recreate them on " + tmp + " (CONCURRENTLY / NOT VALID) before the contract phase.");
    }

    private void drop(SchemaChange.DropColumn d) {
        // No generated DROP NOT NULL: old code reading NULLs where it never saw one is a risk of its own
        // (the classifier calls it MEDIUM), so it stays the operator's decision.
        warnings.add("If " + d.table() + "." + d.column() + " is NOT NULL without a default, the new code cannot omit it: give it a "
                + "DEFAULT (instant) before releasing that code.");
        contract.add("ALTER TABLE " + d.table() + " DROP COLUMN " + d.column());
        codeStep = "Release code that neither reads nor writes `" + d.column() + "`.";
    }

    private void addNotNull(SchemaChange.AddNotNullColumn a, int batchSize) {
        expand.add("ALTER TABLE " + a.table() + " ADD COLUMN " + a.column() + " " + a.type());
        if (a.defaultExpr() != null) {
            expand.add("ALTER TABLE " + a.table() + " ALTER COLUMN " + a.column() + " SET DEFAULT " + a.defaultExpr());
            migrate.add(Backfill.batched(a.table(), a.column() + " = " + a.defaultExpr(), a.column() + " IS NULL", batchSize));
        } else {
            warnings.add(a.table() + "." + a.column() + " has no DEFAULT: existing rows need a value; write it into the backfill "
                    + "phase yourself, or the contract's VALIDATE fails on the first NULL.");
        }
        notNullViaCheck(a.table(), a.column());
        codeStep = "Release code that writes `" + a.column() + "` on every insert.";
    }

    private void setNotNull(SchemaChange.SetNotNull n) {
        notNullViaCheck(n.table(), n.column());
        codeStep = "Release code that never writes NULL into `" + n.column() + "`, and fix existing NULL rows.";
    }

    /** PG12+: SET NOT NULL skips its full scan when a validated CHECK (col IS NOT NULL) already proves it. */
    private void notNullViaCheck(String table, String column) {
        String chk = Names.derived(Names.bare(table), column, "not_null");
        contract.add("ALTER TABLE " + table + " ADD CONSTRAINT " + chk + " CHECK (" + column + " IS NOT NULL) NOT VALID");
        contract.add("ALTER TABLE " + table + " VALIDATE CONSTRAINT " + chk);
        contract.add("ALTER TABLE " + table + " ALTER COLUMN " + column + " SET NOT NULL");
        contract.add("ALTER TABLE " + table + " DROP CONSTRAINT " + chk);
    }

    private static String onNew(String expr, String column) {
        return Pattern.compile("(?<![\\w.\"])" + Pattern.quote(column) + "(?![\\w\"])").matcher(expr)
                .replaceAll(Matcher.quoteReplacement("NEW." + column));
    }

    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String unquote(String ident) {
        return ident.startsWith("\"") ? ident.substring(1, ident.length() - 1) : ident;
    }
}
