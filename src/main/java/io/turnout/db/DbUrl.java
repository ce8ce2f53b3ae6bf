package io.turnout.db;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A PostgreSQL JDBC URL as the operator gave it ({@code jdbc:postgresql://host:port/db?user=..}).
 * The password may sit in the URL; {@link #toString()} and {@link #masked()} never show it, so a
 * DbUrl can go into logs, journals and the UI as it is.
 */
public final class DbUrl {

    private static final Pattern SECRET_PARAM = Pattern.compile("(?i)((?:password|sslpassword)=)[^&]*");

    private final String jdbcUrl;
    private final String host;
    private final int port;
    private final String database;

    private DbUrl(String jdbcUrl, String host, int port, String database) {
        this.jdbcUrl = jdbcUrl;
        this.host = host;
        this.port = port;
        this.database = database;
    }

    /** @throws IllegalArgumentException with one sentence when the URL is not a PostgreSQL JDBC URL */
    public static DbUrl parse(String jdbcUrl) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        String trimmed = jdbcUrl.trim();
        if (!trimmed.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL (expected jdbc:postgresql://host[:port]/database): "
                    + maskSecrets(trimmed));
        }
        URI uri;
        try {
            uri = URI.create(trimmed.substring("jdbc:".length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Malformed database URL " + maskSecrets(trimmed) + ".", e);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("The database URL names no host: " + maskSecrets(trimmed));
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("The database URL names no database: " + maskSecrets(trimmed));
        }
        return new DbUrl(trimmed, uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), path);
    }

    /** The URL with credentials, for the JDBC driver only. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    /** The same URL with host and port replaced, e.g. by a local tunnel end; credentials kept. */
    public DbUrl withHostPort(String newHost, int newPort) {
        String prefix = "jdbc:postgresql://";
        String rest = jdbcUrl.substring(prefix.length());
        int slash = rest.indexOf('/');
        return new DbUrl(prefix + newHost + ":" + newPort + rest.substring(slash), newHost, newPort, database);
    }

    /** The same URL pointing at another database on the same server (credentials kept). */
    public DbUrl withDatabase(String otherDatabase) {
        String prefix = "jdbc:postgresql://";
        String rest = jdbcUrl.substring(prefix.length());
        int slash = rest.indexOf('/');
        int query = rest.indexOf('?', slash);
        String tail = query < 0 ? "" : rest.substring(query);
        return new DbUrl(prefix + rest.substring(0, slash + 1) + otherDatabase + tail, host, port, otherDatabase);
    }

    /**
     * With {@code PGPASSWORD} from {@code env} when the URL carries no password itself: the one
     * place a URL without one (as turnout.yml holds it) gets the workstation's password, so JDBC,
     * Flyway and pg_dump all see the same. {@code ~/.pgpass} is read by the driver and libpq.
     */
    public DbUrl withPasswordFrom(java.util.Map<String, String> env) {
        String pw = env.get("PGPASSWORD");
        if (pw == null || pw.isEmpty() || jdbcUrl.toLowerCase(java.util.Locale.ROOT).contains("password=")) {
            return this;
        }
        String sep = jdbcUrl.contains("?") ? "&" : "?";
        return parse(jdbcUrl + sep + "password=" + java.net.URLEncoder.encode(pw, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The URL with every password replaced by {@code ***}. */
    public String masked() {
        return maskSecrets(jdbcUrl);
    }

    static String maskSecrets(String url) {
        return SECRET_PARAM.matcher(url.replaceFirst("//([^/@:]+):[^/@]*@", "//$1:***@")).replaceAll("$1***");
    }

    @Override
    public String toString() {
        return masked();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DbUrl other && other.jdbcUrl.equals(jdbcUrl);
    }

    @Override
    public int hashCode() {
        return jdbcUrl.hashCode();
    }
}
