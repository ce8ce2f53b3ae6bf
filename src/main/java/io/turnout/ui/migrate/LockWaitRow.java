package io.turnout.ui.migrate;

/**
 * One session waiting for a lock while a migration runs, as the live table shows it.
 *
 * @param blockedBy pids of the sessions holding what it waits for, e.g. {@code 4711, 4712}
 */
public record LockWaitRow(int pid, String table, String mode, String blockedBy, double waitedSeconds, String query) {
}
