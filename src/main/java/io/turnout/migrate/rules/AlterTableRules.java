package io.turnout.migrate.rules;

import io.turnout.migrate.LockLevel;
import io.turnout.migrate.MigrationClass;
import io.turnout.migrate.Rewrite;
import io.turnout.migrate.Risk;
import io.turnout.migrate.parse.ColumnDef;
import io.turnout.migrate.parse.Constraints;
import io.turnout.migrate.parse.Cursor;

import java.util.Set;

/**
 * ALTER TABLE [IF EXISTS] [ONLY] name action [, action ...]: reads the header and each action,
 * handing column, constraint and partition actions to their rule families.
 */
final class AlterTableRules {

    private AlterTableRules() {
    }

    static void apply(Cursor c, Context ctx, Verdict v) {
        c.expect("ALTER", "TABLE");
        c.accept("IF", "EXISTS");
        c.accept("ONLY");
        if (c.at("ADD") || c.at("DROP") || c.at("ALTER") || c.at("RENAME")) {
            throw c.error("Expected a table name after ALTER TABLE");
        }
        String table = c.qualifiedName("a table name after ALTER TABLE");
        c.acceptSymbol("*");
        v.table(table);
        if (c.atEnd()) {
            throw c.error("Expected an action after ALTER TABLE " + table);
        }
        if (c.accept("RENAME")) {
            RenameRules.table(c, table, ctx, v);
            return;
        }
        do {
            action(c, table, ctx, v);
        } while (c.acceptSymbol(","));
        if (!c.atEnd()) {
            throw c.error("Unexpected text after the ALTER TABLE action");
        }
    }

    private static void action(Cursor c, String table, Context ctx, Verdict v) {
        if (c.accept("ADD")) {
            if (Constraints.atConstraint(c)) {
                ConstraintRules.add(c, table, ctx, v);
            } else {
                c.accept("COLUMN");
                c.accept("IF", "NOT", "EXISTS");
                AddColumnRules.apply(table, ColumnDef.read(c), ctx, v);
            }
        } else if (c.accept("DROP", "CONSTRAINT")) {
            ConstraintRules.drop(c, v);
        } else if (c.accept("DROP")) {
            c.accept("COLUMN");
            c.accept("IF", "EXISTS");
            String col = c.identifier("a column name");
            if (!c.accept("CASCADE")) {
                c.accept("RESTRICT");
            }
            v.action("DROP_COLUMN").lock(LockLevel.ACCESS_EXCLUSIVE);
            if (!ctx.isNew(table)) {
                v.rule("ban-drop-column", Risk.HIGH, MigrationClass.RISKY,
                        "The running version may still read or write " + table + "." + col + " (ORMs often select every column); "
                                + "its queries fail once it is gone. No rewrite: the space is reclaimed later.");
                v.alternative("Release code that no longer uses " + col + " (ignore it in the ORM), then drop it in a later migration.");
            }
        } else if (c.accept("ALTER")) {
            c.accept("COLUMN");
            AlterColumnRules.apply(c, table, ctx, v);
        } else if (c.accept("VALIDATE", "CONSTRAINT")) {
            ConstraintRules.validate(c, table, ctx, v);
        } else if (c.accept("ATTACH", "PARTITION")) {
            PartitionRules.attach(c, table, ctx, v);
        } else if (c.accept("DETACH", "PARTITION")) {
            PartitionRules.detach(c, table, ctx, v);
        } else if (c.accept("SET", "TABLESPACE")) {
            c.identifier("a tablespace name");
            c.accept("NOWAIT");
            rewriting("SET_TABLESPACE", "set-tablespace", "moves every data file of " + table, table, v);
        } else if (c.accept("SET", "LOGGED") || c.accept("SET", "UNLOGGED")) {
            rewriting("SET_LOGGED", "set-logged", "rewrites " + table, table, v);
        } else if (c.accept("SET", "ACCESS", "METHOD")) {
            c.identifier("an access method");
            rewriting("SET_ACCESS_METHOD", "set-access-method", "rewrites " + table, table, v);
        } else if (c.accept("SET", "SCHEMA")) {
            c.identifier("a schema name");
            v.action("SET_SCHEMA").lock(LockLevel.ACCESS_EXCLUSIVE);
            v.rule("renaming-table", Risk.HIGH, MigrationClass.RISKY,
                    "Moving " + table + " to another schema renames it for the running code, whose queries fail.");
            v.alternative("Expand/contract: create the new table (or a view), switch the code, drop the old one later.");
        } else if ((c.at("SET") || c.at("RESET")) && c.peek(1) != null && c.peek(1).isSymbol("(")) {
            c.next();
            c.parens();
            v.action("SET_STORAGE_PARAMETER").lock(LockLevel.SHARE_UPDATE_EXCLUSIVE);
        } else if (c.accept("CLUSTER", "ON") || c.accept("SET", "WITHOUT", "CLUSTER")) {
            c.until(Set.of());
            v.action("SET_CLUSTER").lock(LockLevel.SHARE_UPDATE_EXCLUSIVE);
        } else if (c.at("ENABLE") || c.at("DISABLE")) {
            c.next();
            c.accept("ALWAYS");
            c.accept("REPLICA");
            boolean trigger = c.accept("TRIGGER");
            c.until(Set.of());
            v.action(trigger ? "ALTER_TRIGGER" : "ALTER_TABLE_OPTION")
                    .lock(trigger ? LockLevel.SHARE_ROW_EXCLUSIVE : LockLevel.ACCESS_EXCLUSIVE);
        } else if (c.at("OWNER") || c.at("REPLICA") || c.at("INHERIT") || c.at("NO") || c.at("OF") || c.at("NOT")
                || c.at("FORCE") || c.at("SET", "WITHOUT", "OIDS")) {
            c.until(Set.of());
            v.action("ALTER_TABLE_OPTION").lock(LockLevel.ACCESS_EXCLUSIVE);
        } else {
            throw c.error("Expected an ALTER TABLE action (ADD, DROP, ALTER, RENAME, SET, VALIDATE, ATTACH, DETACH ...)");
        }
    }

    private static void rewriting(String type, String rule, String what, String table, Verdict v) {
        v.action(type).lock(LockLevel.ACCESS_EXCLUSIVE).rewrite(Rewrite.YES);
        v.rule(rule, Risk.HIGH, MigrationClass.MAINTENANCE,
                "This " + what + " under ACCESS EXCLUSIVE: reads and writes wait until it is done.");
        v.alternative("Run it in a maintenance window, or rebuild online with pg_repack.");
    }
}
