package io.turnout.db;

import io.turnout.migrate.TableSize;
import io.turnout.migrate.TableStats;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Table sizes from the target's catalog: {@code pg_total_relation_size} (heap, indexes, TOAST —
 * all of it is rewritten by a rewrite) and {@code pg_class.reltuples} (the planner's row estimate;
 * -1 before the table's first ANALYZE). Names resolve through the connection's search_path, as
 * the migration's own statements would. Read once per table and cached for the classification.
 */
public final class PgTableStats implements TableStats {

    private static final String SIZE = """
            SELECT pg_total_relation_size(c.oid), c.reltuples::bigint
              FROM pg_class c WHERE c.oid = to_regclass(?)
            """;

    private final Connection connection;
    private final Map<String, Optional<TableSize>> cache = new ConcurrentHashMap<>();

    /** @param connection open on the target; the caller closes it */
    public PgTableStats(Connection connection) {
        this.connection = connection;
    }

    @Override
    public Optional<TableSize> size(String table) {
        return cache.computeIfAbsent(table, this::read);
    }

    private Optional<TableSize> read(String table) {
        try (PreparedStatement ps = connection.prepareStatement(SIZE)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new TableSize(rs.getLong(1), rs.getLong(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DbException("Cannot read the size of table " + table + ": " + e.getMessage() + ".", e);
        }
    }
}
