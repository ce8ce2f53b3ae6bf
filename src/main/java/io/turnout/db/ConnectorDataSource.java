package io.turnout.db;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link DataSource} for libraries that want one (Flyway): every connection goes the
 * {@link DbConnector}'s way (direct or tunnelled) and carries {@code applicationName}. The password
 * is moved out of the URL into the driver's properties, because libraries log
 * {@code DatabaseMetaData#getURL()} and pgjdbc returns the URL exactly as it was given.
 */
public final class ConnectorDataSource implements DataSource {

    private static final Pattern PASSWORD = Pattern.compile("([?&])password=([^&]*)&?");

    private final DbConnector connector;
    private final DbUrl url;
    private final String applicationName;
    private final java.util.Map<String, String> settings;

    public ConnectorDataSource(DbConnector connector, DbUrl url, String applicationName) {
        this(connector, url, applicationName, java.util.Map.of());
    }

    /**
     * @param settings server settings for every session, e.g. {@code lock_timeout=5000ms}; sent in the
     *                 startup packet (pgjdbc's {@code options}), so they hold before the first statement
     */
    public ConnectorDataSource(DbConnector connector, DbUrl url, String applicationName, java.util.Map<String, String> settings) {
        this.connector = connector;
        this.url = url;
        this.applicationName = applicationName;
        this.settings = java.util.Map.copyOf(settings);
    }

    public String applicationName() {
        return applicationName;
    }

    @Override
    public Connection getConnection() throws SQLException {
        String effective = connector.effective(url).jdbcUrl();
        Properties props = new Properties();
        props.setProperty("ApplicationName", applicationName);
        props.setProperty("connectTimeout", "10");
        if (!settings.isEmpty()) {
            props.setProperty("options", settings.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .map(e -> "-c " + e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(" ")));
        }
        Matcher m = PASSWORD.matcher(effective);
        String password = System.getenv("PGPASSWORD");
        if (m.find()) {
            password = java.net.URLDecoder.decode(m.group(2), java.nio.charset.StandardCharsets.UTF_8);
            effective = (effective.substring(0, m.start()) + m.group(1) + effective.substring(m.end())).replaceAll("[?&]$", "");
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        try {
            return DriverManager.getConnection(effective, props);
        } catch (SQLException e) {
            throw new SQLException(DbConnector.sentence(url, e), e.getSQLState());
        }
    }

    /** Flyway passes no credentials of its own; the URL, PGPASSWORD and ~/.pgpass supply them. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override public PrintWriter getLogWriter() { return null; }
    @Override public void setLogWriter(PrintWriter out) { }
    @Override public void setLoginTimeout(int seconds) { }
    @Override public int getLoginTimeout() { return 0; }
    @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException { throw new SQLFeatureNotSupportedException(); }
    @Override public <T> T unwrap(Class<T> iface) throws SQLException { throw new SQLException("Not a wrapper"); }
    @Override public boolean isWrapperFor(Class<?> iface) { return false; }
}
