package io.turnout.db;

import java.util.Map;

/**
 * Client sessions by state, as pg_stat_activity names them, with lock waits split out: a session
 * whose {@code wait_event_type} is {@code Lock} counts as {@code waiting} and NOT as {@code active},
 * so the six counts partition the sessions and add up to {@link #total()}.
 *
 * @param other states that are none of the named ones ({@code fastpath function call}, {@code disabled}, unknown)
 */
public record StateCounts(int active, int idle, int idleInTransaction, int idleInTransactionAborted, int waiting, int other) {

    public static final StateCounts NONE = new StateCounts(0, 0, 0, 0, 0, 0);

    public int total() {
        return active + idle + idleInTransaction + idleInTransactionAborted + waiting + other;
    }

    /** Adds {@code n} sessions in pg_stat_activity's {@code state} (or {@code waiting}). */
    public StateCounts plus(String state, int n) {
        return switch (state) {
            case "active" -> new StateCounts(active + n, idle, idleInTransaction, idleInTransactionAborted, waiting, other);
            case "idle" -> new StateCounts(active, idle + n, idleInTransaction, idleInTransactionAborted, waiting, other);
            case "idle in transaction" -> new StateCounts(active, idle, idleInTransaction + n, idleInTransactionAborted, waiting, other);
            case "idle in transaction (aborted)" ->
                    new StateCounts(active, idle, idleInTransaction, idleInTransactionAborted + n, waiting, other);
            case "waiting" -> new StateCounts(active, idle, idleInTransaction, idleInTransactionAborted, waiting + n, other);
            default -> new StateCounts(active, idle, idleInTransaction, idleInTransactionAborted, waiting, other + n);
        };
    }

    public StateCounts plus(StateCounts o) {
        return new StateCounts(active + o.active, idle + o.idle, idleInTransaction + o.idleInTransaction,
                idleInTransactionAborted + o.idleInTransactionAborted, waiting + o.waiting, other + o.other);
    }

    /** The counts keyed as pg_stat_activity spells the states, plus {@code waiting} and {@code other}. */
    public Map<String, Integer> byStateName() {
        return Map.of("active", active, "idle", idle, "idle in transaction", idleInTransaction,
                "idle in transaction (aborted)", idleInTransactionAborted, "waiting", waiting, "other", other);
    }
}
