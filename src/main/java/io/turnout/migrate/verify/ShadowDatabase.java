package io.turnout.migrate.verify;

import io.turnout.db.DbConnector;
import io.turnout.db.DbException;
import io.turnout.db.DbUrl;
import io.turnout.db.LibpqEnv;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A disposable database {@code turnout_shadow_<random>} on the target's server holding a
 * schema-only copy of the target ({@code pg_dump --schema-only | psql}). Closing drops it,
 * also after a failed verification. Errors while replaying the dump (typically an extension a
 * non-superuser may not create) do not stop the copy; they are kept as {@link #copyWarnings()}.
 */
public final class ShadowDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ShadowDatabase.class);
    private static final long TOOL_TIMEOUT_S = 300;

    private final DbConnector connector;
    private final DbUrl target;
    private final DbUrl shadow;
    private final List<String> copyWarnings;
    private final String schemaSql;
    /** Drops the shadow when the JVM is stopped (Ctrl-C) before close() ran. */
    private final Thread onExit;

    private ShadowDatabase(DbConnector connector, DbUrl target, DbUrl shadow, Copy copy) {
        this.connector = connector;
        this.target = target;
        this.shadow = shadow;
        this.copyWarnings = List.copyOf(copy.errors());
        this.schemaSql = copy.sql();
        this.onExit = new Thread(this::drop, "turnout-shadow-drop");
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    private record Copy(String sql, List<String> errors) {
    }

    /** Creates the shadow and copies the target's schema into it; on any failure nothing is left behind. */
    public static ShadowDatabase create(DbConnector connector, DbUrl target) {
        String name = "turnout_shadow_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(5));
        try (Connection c = connector.open(target, "turnout-shadow"); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + " TEMPLATE template0");
        } catch (SQLException e) {
            throw new DbException("Cannot create the shadow database on " + target.host() + ":" + target.port()
                    + " (the role needs CREATEDB): " + e.getMessage() + ".", e);
        }
        LOG.info("Created shadow database {} for {}", name, target);
        ShadowDatabase db = new ShadowDatabase(connector, target, target.withDatabase(name), new Copy("", List.of()));
        try {
            Copy copy = db.copySchema();
            db.forgetHook();
            return new ShadowDatabase(connector, target, db.shadow, copy);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    public DbUrl url() {
        return shadow;
    }

    public List<String> copyWarnings() {
        return copyWarnings;
    }

    /** The target's schema as pg_dump wrote it, so the classifier can learn the existing column types. */
    public String schemaSql() {
        return schemaSql;
    }

    private Copy copySchema() {
        Path dump = null;
        try {
            dump = Files.createTempFile("turnout-shadow", ".sql");
            run(List.of("pg_dump", "--schema-only", "--no-owner", "--no-privileges", "--file", dump.toString()),
                    connector.effective(target), true);
            List<String> errors = run(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=0", "-f", dump.toString()),
                    connector.effective(shadow), false);
            errors.forEach(w -> LOG.warn("Schema copy into {}: {}", shadow.database(), w));
            return new Copy(Files.readString(dump), errors);
        } catch (IOException e) {
            throw new DbException("Cannot copy the schema of " + target.database() + " into the shadow database: "
                    + e.getMessage() + ".", e);
        } finally {
            if (dump != null) {
                try {
                    Files.deleteIfExists(dump);
                } catch (IOException e) {
                    LOG.debug("Temporary dump {} not removed", dump, e);
                }
            }
        }
    }

    /** Runs a libpq tool; returns its ERROR lines, or throws when {@code strict} and it failed. */
    private List<String> run(List<String> command, DbUrl dialled, boolean strict) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(LibpqEnv.of(dialled));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new DbException(command.getFirst() + " is not installed or not on PATH; the shadow copy needs it.", e);
        }
        String err;
        try {
            err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(TOOL_TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new DbException(command.getFirst() + " did not finish within " + TOOL_TIMEOUT_S + " s.");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DbException(command.getFirst() + " was interrupted.", e);
        }
        List<String> errors = new ArrayList<>();
        for (String line : err.split("\n")) {
            if (line.contains("ERROR:") || line.contains("error:")) {
                errors.add(line.replaceFirst("^.*?(ERROR|error):\\s*", ""));
            }
        }
        if (strict && p.exitValue() != 0) {
            String first = errors.isEmpty() ? err.strip() : errors.getFirst();
            throw new DbException(command.getFirst() + " of " + target.database() + " failed: " + first + ".");
        }
        return errors;
    }

    /** Drops the shadow database, ending any session still in it. */
    @Override
    public void close() {
        forgetHook();
        drop();
    }

    private void forgetHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException shuttingDown) {
            LOG.debug("JVM shutting down; the hook drops {}", shadow.database());
        }
    }

    private void drop() {
        try (Connection c = connector.open(target, "turnout-shadow"); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + shadow.database() + " WITH (FORCE)");
            LOG.info("Dropped shadow database {}", shadow.database());
        } catch (SQLException | DbException e) {
            LOG.warn("Could not drop shadow database {}: {}", shadow.database(), e.getMessage());
        }
    }
}
