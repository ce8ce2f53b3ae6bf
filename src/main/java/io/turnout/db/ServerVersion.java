package io.turnout.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The connected server's PostgreSQL major version, so verdicts match the server they are about. */
public final class ServerVersion {

    private ServerVersion() {
    }

    public static int major(DbConnector connector, DbUrl url) {
        try (Connection c = connector.open(url, "turnout-version"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select current_setting('server_version_num')::int / 10000")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new DbException("Cannot read the server version of " + url.masked() + ": " + e.getMessage() + ".", e);
        }
    }
}
