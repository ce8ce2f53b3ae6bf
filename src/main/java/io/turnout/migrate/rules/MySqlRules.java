package io.turnout.migrate.rules;

import io.turnout.migrate.LockLevel;
import io.turnout.migrate.MigrationClass;
import io.turnout.migrate.Rewrite;
import io.turnout.migrate.Risk;
import io.turnout.migrate.parse.ColumnDef;
import io.turnout.migrate.parse.Cursor;

import java.util.Locale;
import java.util.Set;

/**
 * MySQL 8 (InnoDB online DDL), statically. PostgreSQL lock levels do not apply, so lockLevel is
 * NONE and a warning names InnoDB's behaviour: INSTANT changes only metadata, INPLACE builds
 * without blocking DML (LOCK=NONE) and may rebuild the table, COPY rebuilds it while blocking writes.
 */
final class MySqlRules {

    private static final String NOTE = "MySQL: PostgreSQL lock levels do not apply; InnoDB online DDL ";

    private MySqlRules() {
    }

    static void alterTable(Cursor c, Context ctx, Verdict v) {
        c.expect("ALTER", "TABLE");
        String table = c.qualifiedName("a table name after ALTER TABLE");
        v.table(table);
        if (c.atEnd()) {
            throw c.error("Expected an action after ALTER TABLE " + table);
        }
        String algorithm = null;
        do {
            if (c.accept("ALGORITHM")) {
                c.acceptSymbol("=");
                algorithm = c.next().upper();
            } else if (c.accept("LOCK")) {
                c.acceptSymbol("=");
                String lock = c.next().upper();
                if (!lock.equals("NONE") && !lock.equals("DEFAULT")) {
                    v.raise(Risk.MEDIUM, MigrationClass.SAFE).warn("LOCK=" + lock + " blocks concurrent writes while the change runs.");
                }
            } else {
                action(c, table, ctx, v);
            }
        } while (c.acceptSymbol(","));
        if ("COPY".equals(algorithm)) {
            v.rewrite(Rewrite.YES).rule("mysql-algorithm-copy", Risk.HIGH, MigrationClass.MAINTENANCE,
                    "ALGORITHM=COPY rebuilds " + table + " into a copy while blocking writes.");
        } else if ("INSTANT".equals(algorithm)) {
            v.warn("ALGORITHM=INSTANT: MySQL refuses the statement if the change cannot be done instantly.");
        }
        v.warn(NOTE + (algorithm == null ? "picks INSTANT, then INPLACE, then COPY as the change allows." : "with ALGORITHM=" + algorithm + "."));
    }

    private static void action(Cursor c, String table, Context ctx, Verdict v) {
        if (c.accept("ADD")) {
            if (c.accept("CONSTRAINT") && !c.at("PRIMARY") && !c.at("FOREIGN") && !c.at("UNIQUE") && !c.at("CHECK")) {
                c.identifier("a constraint name");
            }
            if (c.accept("INDEX") || c.accept("KEY") || c.accept("UNIQUE") || c.accept("FULLTEXT") || c.accept("SPATIAL")) {
                c.until(Set.of());
                v.action("CREATE_INDEX").warn("Adding a secondary index is INPLACE with LOCK=NONE: DML continues; replicas apply it afterwards.");
            } else if (c.accept("PRIMARY", "KEY")) {
                c.until(Set.of());
                v.action("ADD_PRIMARY_KEY").rewrite(Rewrite.YES).rule("mysql-add-primary-key", Risk.HIGH, MigrationClass.MAINTENANCE,
                        "Adding a primary key rebuilds " + table + " (INPLACE rebuild, COPY if columns become NOT NULL).");
            } else if (c.accept("FOREIGN", "KEY")) {
                c.until(Set.of());
                v.action("ADD_FOREIGN_KEY").rule("mysql-add-foreign-key", Risk.MEDIUM, MigrationClass.SAFE,
                        "ADD FOREIGN KEY is INPLACE only with foreign_key_checks=0; otherwise COPY blocks writes.");
            } else if (c.accept("CHECK")) {
                c.until(Set.of());
                v.action("ADD_CONSTRAINT").rule("constraint-missing-not-valid", Risk.MEDIUM, MigrationClass.SAFE,
                        "ADD CHECK validates every row of " + table + " (MySQL has no NOT VALID).");
            } else {
                c.accept("COLUMN");
                ColumnDef col = ColumnDef.read(c);
                v.action("ADD_COLUMN");
                if (col.identity()) {
                    v.rewrite(Rewrite.YES).rule("add-column-auto-increment", Risk.HIGH, MigrationClass.MAINTENANCE,
                            "An AUTO_INCREMENT column needs ALGORITHM=COPY: " + table + " is rebuilt while writes are blocked.");
                } else if (col.notNull() && !col.hasDefault()) {
                    v.rule("adding-required-field", Risk.MEDIUM, MigrationClass.RISKY,
                            "NOT NULL without DEFAULT gives existing rows the implicit default, and old code inserting without the column may fail.");
                } else {
                    v.warn("ADD COLUMN is INSTANT on MySQL 8.0.12+ (any position from 8.0.29).");
                }
            }
        } else if (c.accept("DROP")) {
            if (c.accept("INDEX") || c.accept("KEY") || c.accept("FOREIGN", "KEY")) {
                c.until(Set.of());
                v.action("DROP_INDEX").warn("Dropping an index or foreign key is INPLACE, metadata only.");
            } else if (c.accept("PRIMARY", "KEY")) {
                v.action("DROP_PRIMARY_KEY").rewrite(Rewrite.YES).rule("mysql-drop-primary-key", Risk.HIGH, MigrationClass.MAINTENANCE,
                        "Dropping the primary key needs ALGORITHM=COPY.");
            } else {
                c.accept("COLUMN");
                String col = c.identifier("a column name");
                v.action("DROP_COLUMN").rewrite(Rewrite.YES).rule("ban-drop-column", Risk.HIGH, MigrationClass.RISKY,
                        "The running version may still use " + table + "." + col + "; dropping it rebuilds the table (INSTANT from 8.0.29).");
                v.alternative("Release code that no longer uses " + col + ", then drop it in a later migration.");
            }
        } else if (c.accept("MODIFY") || c.accept("CHANGE")) {
            c.accept("COLUMN");
            boolean change = c.peek(1) != null && c.peek(1).isIdentifier() && !isType(c.peek(1).upper());
            String col = c.identifier("a column name");
            if (change) {
                c.identifier("the new column name");
            }
            c.until(Set.of());
            v.action("ALTER_COLUMN_TYPE").rewrite(Rewrite.YES).rule("changing-column-type", Risk.HIGH, MigrationClass.MAINTENANCE,
                    "MODIFY/CHANGE of " + table + "." + col + " usually needs ALGORITHM=COPY (a rebuild blocking writes); only VARCHAR growth within the same length-byte size is INPLACE.");
            v.alternative("Expand/contract with a new column, or an online schema change tool (gh-ost, pt-online-schema-change).");
        } else if (c.accept("RENAME")) {
            boolean column = c.accept("COLUMN");
            boolean index = !column && (c.accept("INDEX") || c.accept("KEY"));
            c.until(Set.of());
            if (index) {
                v.action("RENAME_INDEX");
                return;
            }
            v.action(column ? "RENAME_COLUMN" : "RENAME_TABLE").rule(column ? "renaming-column" : "renaming-table", Risk.HIGH, MigrationClass.RISKY,
                    "The running version still uses the old name of " + table + (column ? "'s column" : "") + " and fails after the rename.");
            v.alternative("Expand/contract: add the new name, move the code, drop the old one in a later release.");
        } else {
            c.until(Set.of());
            v.action("ALTER_TABLE");
        }
    }

    private static void tableAfterOn(Cursor c, Verdict v) {
        for (int k = c.position() - 1; k > 0; k--) {
            if (c.tokens(k - 1, k).get(0).is("ON")) {
                v.table(c.tokens(k, k + 1).get(0).name());
                return;
            }
        }
    }

    private static boolean isType(String w) {
        return Set.of("INT", "INTEGER", "BIGINT", "SMALLINT", "TINYINT", "VARCHAR", "CHAR", "TEXT", "DATETIME", "TIMESTAMP",
                "DECIMAL", "NUMERIC", "JSON", "BLOB", "DATE", "DOUBLE", "FLOAT", "BOOLEAN", "ENUM", "MEDIUMTEXT", "LONGTEXT")
                .contains(w.toUpperCase(Locale.ROOT));
    }

    static void statement(Cursor c, Context ctx, Verdict v, String first) {
        switch (first) {
            case "ALTER" -> {
                if (c.at("ALTER", "TABLE")) {
                    alterTable(c, ctx, v);
                } else {
                    StatementRules.postgresFamilies(c, ctx, v);
                }
            }
            case "RENAME" -> {
                c.skipRest();
                v.type("RENAME_TABLE").rule("renaming-table", Risk.HIGH, MigrationClass.RISKY,
                        "The running version still uses the old table name and fails after the rename.");
                v.alternative("Expand/contract: create the new table or a view, move the code, drop the old one later.");
            }
            case "CREATE" -> {
                if (c.at("CREATE", "INDEX") || c.at("CREATE", "UNIQUE", "INDEX")) {
                    c.skipRest();
                    v.type("CREATE_INDEX").warn("CREATE INDEX is INPLACE with concurrent DML allowed (LOCK=NONE).");
                    tableAfterOn(c, v);
                } else {
                    StatementRules.postgresFamilies(c, ctx, v);
                }
            }
            default -> StatementRules.postgresFamilies(c, ctx, v);
        }
        v.clearLock().warn(NOTE.strip() + " (metadata locks and ALGORITHM decide what waits).");
    }
}
