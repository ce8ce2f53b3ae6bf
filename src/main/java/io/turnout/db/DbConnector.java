package io.turnout.db;

import io.turnout.ssh.SshConnection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens PostgreSQL connections, either directly or through a Docker host's one SSH connection
 * (the database often listens only on the host's loopback or inside the Docker network: the
 * URL's host and port are then as seen from the SSH server). Each connection carries an
 * {@code application_name} so Turnout's own sessions are recognisable in pg_stat_activity.
 * Passwords come from the URL, {@code PGPASSWORD}-style driver properties or {@code ~/.pgpass}
 * (pgjdbc reads it); they are never logged.
 */
public final class DbConnector {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final SshConnection tunnelVia;
    private final Map<String, Integer> tunnels = new ConcurrentHashMap<>();

    private DbConnector(SshConnection tunnelVia) {
        this.tunnelVia = tunnelVia;
    }

    public static DbConnector direct() {
        return new DbConnector(null);
    }

    /** Connections go through {@code ssh}; one local tunnel per remote host:port, reused. */
    public static DbConnector through(SshConnection ssh) {
        return new DbConnector(Objects.requireNonNull(ssh, "ssh"));
    }

    /** The URL the JDBC driver actually dials (the tunnel's local end when tunnelled). */
    public DbUrl effective(DbUrl url) {
        if (tunnelVia == null) {
            return url;
        }
        int local = tunnels.computeIfAbsent(url.host() + ":" + url.port(), k -> tunnelVia.forwardTcp(url.host(), url.port()));
        return url.withHostPort("127.0.0.1", local);
    }

    /**
     * @param applicationName shown in pg_stat_activity, e.g. {@code turnout-monitor}
     * @throws DbException with one sentence (unreachable, authentication, unknown database)
     */
    public Connection open(DbUrl url, String applicationName) {
        Properties props = new Properties();
        props.setProperty("ApplicationName", applicationName);
        props.setProperty("connectTimeout", Long.toString(CONNECT_TIMEOUT.toSeconds()));
        props.setProperty("socketTimeout", "0");
        String pgPassword = System.getenv("PGPASSWORD");
        if (pgPassword != null && !url.jdbcUrl().contains("password=")) {
            props.setProperty("password", pgPassword);
        }
        try {
            return DriverManager.getConnection(effective(url).jdbcUrl(), props);
        } catch (SQLException e) {
            throw new DbException(sentence(url, e), e);
        }
    }

    static String sentence(DbUrl url, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = url.host() + ":" + url.port() + "/" + url.database();
        return switch (state) {
            case "08001", "08004", "08006" -> "Cannot reach the database at " + where + ": " + firstLine(e) + ".";
            case "28P01", "28000" -> "The database at " + where + " refused the credentials: " + firstLine(e) + ".";
            case "3D000" -> "The database " + url.database() + " does not exist on " + url.host() + ":" + url.port() + ".";
            default -> "Database error at " + where + ": " + firstLine(e) + ".";
        };
    }

    private static String firstLine(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return DbUrl.maskSecrets((nl < 0 ? m : m.substring(0, nl)).replaceAll("\\.$", ""));
    }
}
