package io.turnout.migrate.verify;

import io.turnout.db.DbConnector;
import io.turnout.db.DbUrl;
import io.turnout.testing.Sandbox;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/** A database of its own on the sandbox PostgreSQL for one test class; dropped on close. */
public final class ScratchDatabase implements AutoCloseable {

    private final DbUrl server;
    private final DbUrl url;

    private ScratchDatabase(DbUrl server, DbUrl url) {
        this.server = server;
        this.url = url;
    }

    public static ScratchDatabase create(String area) {
        DbUrl server = DbUrl.parse(Sandbox.pgUrl());
        String name = "turnout_" + area + "_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        exec(server, "CREATE DATABASE " + name);
        return new ScratchDatabase(server, server.withDatabase(name));
    }

    public DbUrl url() {
        return url;
    }

    public void execute(String... sql) {
        for (String s : sql) {
            exec(url, s);
        }
    }

    public Connection connect() {
        return DbConnector.direct().open(url, "turnout-test");
    }

    private static void exec(DbUrl where, String sql) {
        try (Connection c = DbConnector.direct().open(where, "turnout-test"); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Names of shadow databases still present on the server (they should all be dropped). */
    public static long shadowDatabasesLike(String prefix) {
        try (Connection c = DbConnector.direct().open(DbUrl.parse(Sandbox.pgUrl()), "turnout-test");
             var rs = c.createStatement().executeQuery("SELECT count(*) FROM pg_database WHERE datname LIKE '" + prefix + "%'")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        exec(server, "DROP DATABASE IF EXISTS " + url.database() + " WITH (FORCE)");
    }
}
