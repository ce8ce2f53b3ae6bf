package io.turnout.migrate.verify;

import io.turnout.db.DbConnector;
import io.turnout.db.DbException;
import io.turnout.db.DbUrl;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Checks the classifier's verdicts against a real server: each statement runs in a transaction
 * with a short lock_timeout, the locks its backend holds are read from pg_locks and every user
 * table's relfilenode is compared (a new one is a rewrite), then the transaction rolls back.
 * By default this happens in a disposable schema-only copy of the target, where each statement
 * is then applied for real so the next one sees the schema it expects; with
 * {@link VerifyOptions#inPlaceRollback()} it happens in the target inside one transaction that
 * is never committed.
 */
public final class ShadowVerifier {

    private final DbConnector connector;

    public ShadowVerifier(DbConnector connector) {
        this.connector = connector;
    }

    /** Opens a session for one or more files, applied in order; close it to drop the shadow. */
    public ShadowSession open(DbUrl target, VerifyOptions options) {
        if (options.inPlaceRollback()) {
            return new ShadowSession(connector, target, null, options);
        }
        ShadowDatabase shadow = ShadowDatabase.create(connector, target);
        try {
            return new ShadowSession(connector, shadow.url(), shadow, options);
        } catch (RuntimeException e) {
            shadow.close();
            throw e;
        }
    }

    /** The server's major version (e.g. 15), so the classifier can be asked the right question. */
    public int serverMajorVersion(DbUrl target) {
        try (Connection c = connector.open(target, "turnout-shadow")) {
            return CatalogProbe.serverMajorVersion(c);
        } catch (SQLException e) {
            throw new DbException("Cannot read the server version of " + target.masked() + ": " + e.getMessage() + ".", e);
        }
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
