package io.turnout.testing;

import io.turnout.db.DbConnector;
import io.turnout.db.DbUrl;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A database of its own on the sandbox PostgreSQL for one test (or test class), so tests running
 * at the same time never see each other's tables; dropped with its sessions on close.
 */
public final class ScratchDatabase implements AutoCloseable {

    private final DbUrl admin;
    private final DbUrl url;

    private ScratchDatabase(DbUrl admin, DbUrl url) {
        this.admin = admin;
        this.url = url;
    }

    public static ScratchDatabase create(String area) {
        DbUrl admin = DbUrl.parse(Sandbox.pgUrl());
        String name = ("turnout_" + area + "_" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36)).toLowerCase(Locale.ROOT);
        execute(admin, "create database " + name);
        return new ScratchDatabase(admin, admin.withDatabase(name));
    }

    public DbUrl url() {
        return url;
    }

    public Connection open(String applicationName) {
        return DbConnector.direct().open(url, applicationName);
    }

    public Connection connect() {
        return open("turnout-test");
    }

    public void execute(String... sql) {
        for (String s : sql) {
            execute(url, s);
        }
    }

    /** How many databases whose name starts with {@code prefix} exist on the server (leftover shadows should be none). */
    public static long databasesLike(String prefix) {
        try (Connection c = DbConnector.direct().open(DbUrl.parse(Sandbox.pgUrl()), "turnout-test");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from pg_database where datname like '" + prefix + "%'")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static void execute(DbUrl on, String sql) {
        try (Connection c = DbConnector.direct().open(on, "turnout-test-admin"); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        execute(admin, "drop database if exists " + url.database() + " with (force)");
    }
}
