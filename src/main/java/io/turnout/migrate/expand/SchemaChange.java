package io.turnout.migrate.expand;

/** A risky change the planner knows how to split into expand / migrate / contract. */
public sealed interface SchemaChange {

    String table();

    /** Short name for file descriptions, e.g. {@code rename_accounts_code}. */
    String slug();

    record RenameColumn(String table, String from, String to) implements SchemaChange {
        public String slug() {
            return "rename_" + Names.slug(table) + "_" + Names.slug(from);
        }
    }

    /** @param using the USING expression as written, or null */
    record ChangeType(String table, String column, String newType, String using) implements SchemaChange {
        public String slug() {
            return "retype_" + Names.slug(table) + "_" + Names.slug(column);
        }
    }

    record DropColumn(String table, String column) implements SchemaChange {
        public String slug() {
            return "drop_" + Names.slug(table) + "_" + Names.slug(column);
        }
    }

    /** @param defaultExpr the DEFAULT as written, or null when the backfill value is the operator's to choose */
    record AddNotNullColumn(String table, String column, String type, String defaultExpr) implements SchemaChange {
        public String slug() {
            return "add_" + Names.slug(table) + "_" + Names.slug(column);
        }
    }

    record SetNotNull(String table, String column) implements SchemaChange {
        public String slug() {
            return "not_null_" + Names.slug(table) + "_" + Names.slug(column);
        }
    }
}
