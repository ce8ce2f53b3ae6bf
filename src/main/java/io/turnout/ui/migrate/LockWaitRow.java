package io.turnout.ui.migrate;

/**
 * One session waiting for a lock while a migration runs, as the live table shows it.
 *
 * @param session   the waiting session's application name (or user) as PostgreSQL reports it
 * @param direction who waits for whom: "blocked by the migration" or "blocks the migration"
 * @param blockedBy the pids (and application names) holding what it waits for, e.g. {@code 4700 (flyway)}
 */
public record LockWaitRow(int pid, String session, String direction, String blockedBy, double waitedSeconds, String query) {
}
