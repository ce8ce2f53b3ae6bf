package io.turnout.migrate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What {@code turnout migrate run} (or the wizard) asks for.
 *
 * @param type the highest class the operator accepts: a file classified above it is refused
 * @param lockTimeout PostgreSQL lock_timeout for the migration's statements
 * @param statementTimeout statement_timeout ({@code --timeout}); zero = none
 * @param label the backup's label
 * @param restoreOnFailure restore the backup automatically when the migration fails
 */
public record MigrationRequest(Path folder, MigrationClass type, Duration lockTimeout, Duration statementTimeout,
                               String label, boolean restoreOnFailure) {

    public MigrationRequest {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        Objects.requireNonNull(label, "label");
    }
}
