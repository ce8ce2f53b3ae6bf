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
 * The two catalog reads the shadow verifier is built on: every user relation's relfilenode (a
 * new one means the table was rewritten) and the relation locks one backend holds or waits for.
 * Both are keyed by OID, not name, so a table the statement drops, renames or moves to another
 * schema is still recognised (its pg_class row is gone or changed, its lock is not). Only user
 * tables and views count (relkind r, p, m, f, v): catalog and index locks are noise for operators.
 */
final class CatalogProbe {

    /** A user relation as it was before a statement: its name for reports, its relfilenode for rewrites. */
    record Table(String name, long relfilenode) {
    }

    private static final String TABLES = """
            SELECT c.oid, n.nspname || '.' || c.relname, c.relfilenode
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'p', 'm', 'f', 'v')
               AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
            """;

    private static final String LOCKS = """
            SELECT l.relation, l.mode
              FROM pg_locks l
             WHERE l.locktype = 'relation' AND l.pid = ?
               AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """;

    private CatalogProbe() {
    }

    /** oid → table, as this connection's transaction sees them. */
    static Map<Long, Table> tables(Connection c) throws SQLException {
        Map<Long, Table> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(TABLES); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getLong(1), new Table(rs.getString(2), rs.getLong(3)));
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
     * Every relation lock mode {@code pid} holds or waits for, per relation OID (a transaction can
     * hold several modes on one table). Read from another connection it shows what a running
     * statement asked for; read from the same connection, what the open transaction holds.
     */
    static Map<Long, EnumSet<LockLevel>> lockModes(Connection c, int pid) throws SQLException {
        Map<Long, EnumSet<LockLevel>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(LOCKS)) {
            ps.setInt(1, pid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(LockLevel.class))
                            .add(LockLevel.fromPgLocksMode(rs.getString(2)));
                }
            }
        }
        return out;
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

    static LockLevel strongest(Collection<LockLevel> modes) {
        return modes.stream().reduce(LockLevel.NONE, LockLevel::max);
    }

    /** Locks by table name, for the tables in {@code known} only (new relations are nobody else's wait). */
    static Map<String, LockLevel> named(Map<Long, EnumSet<LockLevel>> modes, Map<Long, Table> known) {
        Map<String, LockLevel> out = new LinkedHashMap<>();
        modes.forEach((oid, m) -> {
            Table t = known.get(oid);
            if (t != null && !m.isEmpty()) {
                out.merge(t.name(), strongest(m), LockLevel::max);
            }
        });
        return out;
    }

    static int serverMajorVersion(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SHOW server_version_num"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return Integer.parseInt(rs.getString(1)) / 10000;
        }
    }
}
