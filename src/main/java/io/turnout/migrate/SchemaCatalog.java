package io.turnout.migrate;

import io.turnout.migrate.parse.DataType;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Column types the classifier may know before a file runs: whether {@code ALTER COLUMN TYPE}
 * rewrites depends on the old type (varchar(10) → varchar(20) does not, int → bigint does).
 * Filled from earlier DDL ({@link #fromSql}) or, when connected, from the server's catalog.
 */
public class SchemaCatalog {

    private final Map<String, Map<String, DataType>> columns = new HashMap<>();

    public static SchemaCatalog empty() {
        return new SchemaCatalog();
    }

    /** Reads the CREATE TABLE / ADD COLUMN statements of earlier migrations or a schema dump. */
    public static SchemaCatalog fromSql(String ddl, Dialect dialect) {
        SchemaCatalog c = new SchemaCatalog();
        new RuleClassifier(c).classify(new MigrationSource("schema.sql", ddl), new ClassifyOptions(dialect, java.util.OptionalInt.empty()));
        return c;
    }

    /** A type as format_type() prints it, e.g. {@code character varying(20)}; empty if unreadable. */
    public static Optional<DataType> parseType(String text) {
        try {
            var tokens = io.turnout.migrate.parse.Lexer.tokens(text, 1);
            return Optional.of(DataType.read(new io.turnout.migrate.parse.Cursor(tokens, 1)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public Optional<DataType> columnType(String table, String column) {
        return Optional.ofNullable(columns.getOrDefault(key(table), Map.of()).get(column.toLowerCase(Locale.ROOT)));
    }

    public void put(String table, String column, DataType type) {
        columns.computeIfAbsent(key(table), t -> new HashMap<>()).put(column.toLowerCase(Locale.ROOT), type);
    }

    public void rename(String table, String from, String to) {
        Map<String, DataType> cols = columns.get(key(table));
        if (cols != null && cols.containsKey(from)) {
            cols.put(to, cols.remove(from));
        }
    }

    /** public.t and t are the same table for a default search_path. */
    private static String key(String table) {
        String t = table.toLowerCase(Locale.ROOT);
        return t.startsWith("public.") ? t.substring(7) : t;
    }
}
