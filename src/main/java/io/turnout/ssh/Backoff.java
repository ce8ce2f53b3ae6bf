package io.turnout.ssh;

import java.time.Duration;

/** Exponential reconnect delays: 0.5 s, 1 s, 2 s ... capped at 30 s. Pure. */
final class Backoff {

    static final Duration FIRST = Duration.ofMillis(500);
    static final Duration CAP = Duration.ofSeconds(30);

    private Backoff() {
    }

    /** The wait before attempt {@code attempt} (1-based). */
    static Duration delay(int attempt) {
        long ms = FIRST.toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
        return Duration.ofMillis(Math.min(ms, CAP.toMillis()));
    }
}
