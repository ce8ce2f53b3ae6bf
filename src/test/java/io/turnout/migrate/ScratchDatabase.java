package io.turnout.migrate;

import io.turnout.db.DbConnector;
import io.turnout.db.DbUrl;
import io.turnout.testing.Sandbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/** A database of its own on the sandbox PostgreSQL for one test, dropped (with its sessions) on close. */
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

    public void execute(String sql) {
        execute(url, sql);
    }

    private static void execute(DbUrl on, String sql) {
        try (Connection c = DbConnector.direct().open(on, "turnout-test-admin"); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        execute(admin, "drop database if exists " + url.database() + " with (force)");
    }
}
