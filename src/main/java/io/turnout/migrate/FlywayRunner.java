package io.turnout.migrate;

import io.turnout.db.ConnectorDataSource;
import io.turnout.db.DbConnector;
import io.turnout.db.DbUrl;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.RepairResult;
import org.flywaydb.core.api.output.ValidateResult;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Flyway's {@code info}, {@code validate}, {@code migrate}, {@code baseline} and {@code repair}
 * over a {@link DbUrl}, with the settings zero-downtime needs (see ADR 0016):
 * <ul>
 *   <li>{@code lock_timeout} and {@code statement_timeout} on every connection, set in the connection's
 *       start-up options (Flyway's {@code initSql} is deprecated in 13);</li>
 *   <li>session-level advisory lock ({@code setTransactionalLock(false)}): with Flyway's default
 *       transactional lock, a non-transactional migration such as {@code CREATE INDEX CONCURRENTLY}
 *       waits forever for the lock connection's idle transaction;</li>
 *   <li>output through SLF4J; the password never reaches Flyway's URL ({@link ConnectorDataSource}).</li>
 * </ul>
 * Blocking calls; errors are {@link MigrationException} with one sentence.
 */
public final class FlywayRunner {

    private final DbConnector connector;
    private final DbUrl url;
    private final FlywaySettings settings;

    public FlywayRunner(DbConnector connector, DbUrl url, FlywaySettings settings) {
        this.connector = connector;
        this.url = url;
        this.settings = settings;
    }

    public FlywaySettings settings() {
        return settings;
    }

    public DbUrl url() {
        return url;
    }

    /** Every migration Flyway knows (files and history), in Flyway's order. */
    public List<MigrationRow> info() {
        return call(() -> Arrays.stream(flyway(false, null).info().all()).map(FlywayRunner::row).toList());
    }

    public List<MigrationRow> pending() {
        return info().stream().filter(MigrationRow::pending).toList();
    }

    /**
     * Checks applied migrations against the files (checksums, missing files, failed rows).
     *
     * @param pendingIsError false before a migrate: pending files are what it is about to apply
     * @return the problems, one sentence each; empty when valid
     */
    public List<String> validate(boolean pendingIsError) {
        return call(() -> {
            ValidateResult r = flyway(!pendingIsError, null).validateWithResult();
            if (r.validationSuccessful) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            r.invalidMigrations.forEach(v -> out.add((v.version == null || v.version.isEmpty() ? v.description : "V" + v.version)
                    + ": " + firstLine(v.errorDetails == null ? "invalid" : v.errorDetails.errorMessage)));
            if (out.isEmpty() && r.errorDetails != null) {
                out.add(firstLine(r.errorDetails.errorMessage));
            }
            return out;
        });
    }

    /**
     * Applies the pending migrations; {@code progress} gets one line per migration started and done.
     *
     * @return the versions applied, in order
     */
    public List<String> migrate(Consumer<String> progress) {
        return call(() -> {
            MigrateResult r = flyway(true, progress).migrate();
            return r.migrations.stream().map(m -> m.version == null || m.version.isEmpty() ? m.description : m.version).toList();
        });
    }

    /** Marks an existing schema as {@code version} so only later migrations run. */
    public void baseline(String version) {
        call(() -> {
            FluentConfiguration c = configuration(true, null).baselineVersion(version).baselineDescription("Baseline by Turnout");
            new Flyway(c).baseline();
            return null;
        });
    }

    /** Removes failed rows from the history and realigns checksums; returns Flyway's actions. */
    public List<String> repair() {
        return call(() -> {
            RepairResult r = flyway(true, null).repair();
            List<String> out = new ArrayList<>();
            r.migrationsRemoved.forEach(m -> out.add("Removed failed " + label(m.version, m.description) + " from the history."));
            r.migrationsDeleted.forEach(m -> out.add("Marked missing " + label(m.version, m.description) + " as deleted."));
            r.migrationsAligned.forEach(m -> out.add("Realigned the checksum of " + label(m.version, m.description) + "."));
            return out;
        });
    }

    /** {@code U__} files: Flyway Community does not run them; Turnout names them so the operator knows a manual undo exists. */
    public List<String> undoFiles() {
        try (Stream<Path> files = Files.list(settings.folder())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("U") && n.contains("__") && n.endsWith(".sql"))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private Flyway flyway(boolean ignorePending, Consumer<String> progress) {
        return new Flyway(configuration(ignorePending, progress));
    }

    private FluentConfiguration configuration(boolean ignorePending, Consumer<String> progress) {
        if (!Files.isDirectory(settings.folder())) {
            throw new MigrationException("The migrations folder " + settings.folder() + " does not exist.");
        }
        FluentConfiguration c = Flyway.configure(FlywayRunner.class.getClassLoader())
                .dataSource(new ConnectorDataSource(connector, url, settings.applicationName(), settings.sessionSettings()))
                .locations("filesystem:" + settings.folder().toAbsolutePath())
                .loggers("slf4j")
                .cleanDisabled(true)
                .connectRetries(0)
                .ignoreMigrationPatterns(ignorePending ? new String[]{"*:future", "*:pending"} : new String[]{"*:future"});
        if (progress != null) {
            c.callbacks(new Progress(progress));
        }
        c.getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        return c;
    }

    private static MigrationRow row(MigrationInfo i) {
        return new MigrationRow(i.getVersion() == null ? null : i.getVersion().getVersion(), i.getDescription(),
                i.getType() == null ? "" : i.getType().name(), i.getScript(),
                i.getState().getDisplayName().toLowerCase(Locale.ROOT).replace(' ', '_'),
                i.getInstalledOn() == null ? null : i.getInstalledOn().toInstant(), i.getExecutionTime());
    }

    private static String label(String version, String description) {
        return version == null || version.isEmpty() ? description : "V" + version + " (" + description + ")";
    }

    private <T> T call(java.util.concurrent.Callable<T> body) {
        try {
            return body.call();
        } catch (MigrationException e) {
            throw e;
        } catch (FlywayException e) {
            throw new MigrationException(FlywayErrors.sentence(e, url), e);
        } catch (Exception e) {
            throw new MigrationException("Flyway failed on " + url.masked() + ": " + firstLine(e.getMessage()) + ".", e);
        }
    }

    static String firstLine(String m) {
        if (m == null) {
            return "";
        }
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).trim();
    }

    /** Logs each migration as Flyway starts and finishes it (on Flyway's own thread). */
    private record Progress(Consumer<String> sink) implements Callback {
        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE_ERROR;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            MigrationInfo m = context.getMigrationInfo();
            String name = m == null ? "migration" : m.getScript();
            sink.accept(switch (event) {
                case BEFORE_EACH_MIGRATE -> "Applying " + name;
                case AFTER_EACH_MIGRATE -> "Applied " + name;
                default -> "Failed " + name;
            });
        }

        @Override
        public String getCallbackName() {
            return "turnout-progress";
        }
    }
}
