package io.turnout.migrate.rules;

import io.turnout.migrate.LockLevel;
import io.turnout.migrate.MigrationClass;
import io.turnout.migrate.Rewrite;
import io.turnout.migrate.Risk;
import io.turnout.migrate.parse.DataType;

import java.util.Optional;

/**
 * ALTER COLUMN TYPE: a rewrite under ACCESS EXCLUSIVE unless the change is binary coercible
 * (ALTER TABLE docs: "changing the type of an existing column will require the entire table and
 * its indexes to be rewritten", except when the old type is binary coercible to the new one or
 * an unconstrained domain over it). The safe widenings strong_migrations lists: varchar(n) →
 * larger/unbounded/text, numeric(p,s) → larger p same s or unconstrained, varbit widening,
 * cidr → inet, and timestamp ↔ timestamptz on PG 12+ when the session TimeZone is UTC.
 */
final class ColumnTypeChange {

    private ColumnTypeChange() {
    }

    static void apply(String table, String col, DataType to, boolean using, Context ctx, Verdict v) {
        v.action("ALTER_COLUMN_TYPE").lock(LockLevel.ACCESS_EXCLUSIVE);
        Optional<DataType> from = ctx.catalog().columnType(table, col);
        ctx.catalog().put(table, col, to);
        if (ctx.isNew(table)) {
            return;
        }
        Rewrite r;
        String why;
        if (using) {
            r = Rewrite.YES;
            why = "A USING expression is evaluated for every row";
        } else if (from.isEmpty()) {
            r = Rewrite.YES;
            why = "The current type of " + table + "." + col + " is unknown here (classify with the earlier migrations or --db), so a rewrite is assumed";
        } else {
            r = rewriteFor(from.get(), to, ctx);
            why = "Changing " + from.get() + " to " + to + (r == Rewrite.NO ? " is binary coercible" : " is not binary coercible");
        }
        v.rewrite(r);
        if (r == Rewrite.NO) {
            v.warn(why + ": no rewrite, only a brief ACCESS EXCLUSIVE lock.");
            if (from.isPresent() && isTimestampSwap(from.get(), to)) {
                v.warn("Only while the session TimeZone is UTC; with another zone PostgreSQL rewrites the table.");
            }
            return;
        }
        String msg = r == Rewrite.DEPENDS
                ? why + ": from PostgreSQL 12 with TimeZone=UTC no rewrite, before 12 the table is rewritten under ACCESS EXCLUSIVE."
                : why + ": " + table + " and its indexes are rewritten under ACCESS EXCLUSIVE (reads and writes wait).";
        v.rule("changing-column-type", r == Rewrite.DEPENDS ? Risk.MEDIUM : Risk.HIGH, MigrationClass.MAINTENANCE, msg);
        v.alternative("Expand/contract: add a new column of the new type, write both from the code, backfill in batches, "
                + "switch reads, then drop the old column in a later release.");
    }

    static Rewrite rewriteFor(DataType from, DataType to, Context ctx) {
        String f = from.name();
        String t = to.name();
        if (from.array() != to.array()) {
            return Rewrite.YES;
        }
        if (f.equals(t) && from.mods().equals(to.mods())) {
            return Rewrite.NO;
        }
        if (f.equals("varchar") && t.equals("varchar")) {
            return to.mods().isEmpty() || !from.mods().isEmpty() && to.mods().get(0) >= from.mods().get(0) ? Rewrite.NO : Rewrite.YES;
        }
        if (f.equals("varchar") && t.equals("text") || f.equals("text") && t.equals("varchar") && to.mods().isEmpty()) {
            return Rewrite.NO;
        }
        if (f.equals("varbit") && t.equals("varbit")) {
            return to.mods().isEmpty() || !from.mods().isEmpty() && to.mods().get(0) >= from.mods().get(0) ? Rewrite.NO : Rewrite.YES;
        }
        if (f.equals("numeric") && t.equals("numeric")) {
            if (to.mods().isEmpty()) {
                return Rewrite.NO;
            }
            if (from.mods().isEmpty()) {
                return Rewrite.YES;
            }
            int fs = from.mods().size() > 1 ? from.mods().get(1) : 0;
            int ts = to.mods().size() > 1 ? to.mods().get(1) : 0;
            return fs == ts && to.mods().get(0) >= from.mods().get(0) ? Rewrite.NO : Rewrite.YES;
        }
        if (f.equals("cidr") && t.equals("inet") || f.equals("xml") && t.equals("text")) {
            return Rewrite.NO;
        }
        if (isTimestampSwap(from, to)) {
            return ctx.rewriteBefore(12);
        }
        return Rewrite.YES;
    }

    private static boolean isTimestampSwap(DataType from, DataType to) {
        return from.name().equals("timestamp") && to.name().equals("timestamptz")
                || from.name().equals("timestamptz") && to.name().equals("timestamp");
    }
}
