package io.turnout.migrate.verify;

import io.turnout.migrate.LockLevel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two catalog reads the shadow verifier is built on: every user table's relfilenode (a new
 * one means the table was rewritten) and the relation locks one backend holds or waits for.
 * Only user tables count (relkind r, p, m, f): catalog and index locks are noise for operators.
 */
final class CatalogProbe {

    private static final String RELFILENODES = """
            SELECT n.nspname || '.' || c.relname, c.relfilenode
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'p', 'm', 'f')
               AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
            """;

    private static final String LOCKS = """
            SELECT n.nspname || '.' || c.relname, l.mode, l.granted
              FROM pg_locks l
              JOIN pg_class c ON c.oid = l.relation
              JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE l.locktype = 'relation' AND l.pid = ?
               AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
               AND c.relkind IN ('r', 'p', 'm', 'f')
               AND n.nspname NOT IN ('pg_catalog', 'information_schema')
            """;

    private CatalogProbe() {
    }

    /** schema.table → relfilenode, as this connection's transaction sees them. */
    static Map<String, Long> relfilenodes(Connection c) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(RELFILENODES); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    static int backendPid(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_backend_pid()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * The strongest relation lock per table that {@code pid} holds or waits for. Read from another
     * connection it shows what a running statement asked for; read from the same connection, what
     * the open transaction holds.
     */
    static Map<String, LockLevel> locks(Connection c, int pid) throws SQLException {
        Map<String, LockLevel> out = new LinkedHashMap<>();
        lockModes(c, pid).forEach((table, modes) -> out.put(table, strongest(modes)));
        return out;
    }

    /** Every relation lock mode per table; a transaction can hold several modes on one table. */
    static Map<String, EnumSet<LockLevel>> lockModes(Connection c, int pid) throws SQLException {
        Map<String, EnumSet<LockLevel>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(LOCKS)) {
            ps.setInt(1, pid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> EnumSet.noneOf(LockLevel.class))
                            .add(LockLevel.fromPgLocksMode(rs.getString(2)));
                }
            }
        }
        return out;
    }

    static LockLevel strongest(Collection<LockLevel> modes) {
        return modes.stream().reduce(LockLevel.NONE, LockLevel::max);
    }

    /** True while {@code pid} waits for a relation lock (our blocker holds it). */
    static boolean waitingForLock(Connection c, int pid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM pg_locks WHERE pid = ? AND NOT granted AND locktype = 'relation'")) {
            ps.setInt(1, pid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    static int serverMajorVersion(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SHOW server_version_num"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return Integer.parseInt(rs.getString(1)) / 10000;
        }
    }
}
