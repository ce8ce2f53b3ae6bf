package io.turnout.db;

import java.time.Duration;
import java.time.Instant;

/**
 * Commits and rollbacks per second from pg_stat_database's cumulative counters: the difference
 * between two samples over the time between them. The monitor's own sampling statement is one
 * committed transaction per sample; it is subtracted (carried over when the server has not yet
 * flushed it, so the figure is exact on average and never negative). Pure.
 */
final class TpsCounter {

    record Rates(Double commits, Double rollbacks) {
        static final Rates UNKNOWN = new Rates(null, null);
    }

    private Instant lastAt;
    private long lastCommit;
    private long lastRollback;
    private long ownPending;

    Rates next(Instant at, long commit, long rollback) {
        Instant prevAt = lastAt;
        long dc = commit - lastCommit;
        long dr = rollback - lastRollback;
        lastAt = at;
        lastCommit = commit;
        lastRollback = rollback;
        if (prevAt == null || dc < 0 || dr < 0) {   // first sample, or pg_stat_reset() in between
            ownPending = 1;
            return Rates.UNKNOWN;
        }
        long net = dc - ownPending;
        ownPending = net < 0 ? 1 - net : 1;
        net = Math.max(0, net);
        double s = Duration.between(prevAt, at).toNanos() / 1e9;
        if (s <= 0) {
            return Rates.UNKNOWN;
        }
        return new Rates(net / s, dr / s);
    }

    void reset() {
        lastAt = null;
        ownPending = 0;
    }
}
