package io.turnout.migrate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalInt;

/**
 * What a connected classification learns from the target server: its major version
 * ({@code server_version_num}) and the current column types, so ALTER COLUMN TYPE can tell a
 * binary-coercible widening from a rewrite.
 */
public record ServerFacts(int pgMajor, SchemaCatalog catalog) {

    public static ServerFacts read(Connection c) throws SQLException {
        int major;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW server_version_num")) {
            rs.next();
            major = Integer.parseInt(rs.getString(1)) / 10000;
        }
        SchemaCatalog catalog = SchemaCatalog.empty();
        String sql = """
                SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod)
                FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
                  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'""";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String table = rs.getString(1).equals("public") ? rs.getString(2) : rs.getString(1) + "." + rs.getString(2);
                String column = rs.getString(3);
                var type = SchemaCatalog.parseType(rs.getString(4));
                if (type.isPresent()) {
                    catalog.put(table, column, type.get());
                }
            }
        }
        return new ServerFacts(major, catalog);
    }

    public ClassifyOptions options(Dialect dialect) {
        return new ClassifyOptions(dialect, OptionalInt.of(pgMajor));
    }
}
