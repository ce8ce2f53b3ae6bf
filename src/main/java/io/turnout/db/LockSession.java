package io.turnout.db;

import java.time.Duration;
import java.util.List;

/**
 * A session taking part in a lock wait, as blocker, blocked or both.
 *
 * @param state          pg_stat_activity's state, or {@code waiting} when it waits on a lock
 * @param transactionAge since {@code xact_start}; null outside a transaction
 * @param waited         how long it has waited for its lock ({@code pg_locks.waitstart}); null when not waiting
 * @param blockedBy      {@code pg_blocking_pids}; empty when not waiting
 */
public record LockSession(int pid, String application, String user, String state, String query,
                          Duration transactionAge, Duration waited, List<Integer> blockedBy) {

    public LockSession {
        blockedBy = List.copyOf(blockedBy);
    }

    public boolean blocked() {
        return !blockedBy.isEmpty();
    }
}
