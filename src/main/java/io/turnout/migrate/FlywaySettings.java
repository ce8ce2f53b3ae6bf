package io.turnout.migrate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How Turnout runs Flyway against one database.
 *
 * @param folder the Flyway migrations folder ({@code V<ver>__desc.sql}, {@code R__}, {@code U__})
 * @param lockTimeout PostgreSQL {@code lock_timeout} on every Flyway connection: a migration that waits
 *                    longer for a table lock fails instead of queueing every later query behind it
 * @param statementTimeout {@code statement_timeout}; {@link Duration#ZERO} = none
 * @param applicationName shown in pg_stat_activity; the lock-wait sampler finds the migration's sessions by it
 */
public record FlywaySettings(Path folder, Duration lockTimeout, Duration statementTimeout, String applicationName) {

    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(5);

    public FlywaySettings {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        Objects.requireNonNull(applicationName, "applicationName");
    }

    public static FlywaySettings of(Path folder) {
        return new FlywaySettings(folder, DEFAULT_LOCK_TIMEOUT, Duration.ZERO, "turnout-migrate");
    }

    public FlywaySettings withTimeouts(Duration lock, Duration statement) {
        return new FlywaySettings(folder, lock, statement, applicationName);
    }

    public FlywaySettings withApplicationName(String name) {
        return new FlywaySettings(folder, lockTimeout, statementTimeout, name);
    }

    /** Set on every connection Flyway opens (also its lock connection), at connection start-up. */
    java.util.Map<String, String> sessionSettings() {
        return java.util.Map.of("lock_timeout", lockTimeout.toMillis() + "ms", "statement_timeout", statementTimeout.toMillis() + "ms");
    }
}
