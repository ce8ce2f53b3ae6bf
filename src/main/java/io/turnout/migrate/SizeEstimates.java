package io.turnout.migrate;

import java.time.Duration;

/**
 * How fast a server does the three kinds of size-dependent work a DDL statement can do while
 * it holds its lock. The defaults were measured on the project's sandbox (PostgreSQL 15, 2 cores,
 * a 1M-row table of 73 MB heap, shared with other work) by {@code scripts/bench-shadow}, rounded
 * down: estimates should err long. A faster server finishes sooner; the operator sees the
 * assumption next to every estimate.
 *
 * @param rewriteMBps   table rewrite (ALTER COLUMN TYPE, volatile default, VACUUM FULL), MB of heap + indexes per second
 * @param indexBuildMBps CREATE INDEX, MB of heap per second
 * @param scanMBps      validation scan (CHECK, FOREIGN KEY, SET NOT NULL), MB of heap per second
 */
public record SizeEstimates(double rewriteMBps, double indexBuildMBps, double scanMBps) {

    /** scripts/bench-shadow on the sandbox measured 14–41 MB/s rewrite, 11–18 MB/s index build, 220–533 MB/s scan (docs/bench/shadow.md). */
    public static final SizeEstimates SANDBOX_MEASURED = new SizeEstimates(14, 11, 200);

    private static final double MB = 1024.0 * 1024.0;

    /** The kinds of work whose duration grows with the table. */
    public enum Work {
        REWRITE, INDEX_BUILD, SCAN
    }

    public Duration estimate(Work work, long bytes) {
        double mbps = switch (work) {
            case REWRITE -> rewriteMBps;
            case INDEX_BUILD -> indexBuildMBps;
            case SCAN -> scanMBps;
        };
        return Duration.ofMillis(Math.round(Math.max(0, bytes) / MB / mbps * 1000));
    }

    /** Under a write-blocking lock: below 1 s nobody notices (LOW), up to 10 s requests queue (MEDIUM), beyond that HIGH. */
    public static Risk riskOf(Duration blocked) {
        if (blocked.compareTo(Duration.ofSeconds(1)) < 0) {
            return Risk.LOW;
        }
        return blocked.compareTo(Duration.ofSeconds(10)) < 0 ? Risk.MEDIUM : Risk.HIGH;
    }

    /** "~0.3 s", "~42 s", "~18 min", "~2.5 h": an estimate, never more precise than it is. */
    public static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 60_000) {
            return ms < 10_000 ? String.format(java.util.Locale.ROOT, "~%.1f s", ms / 1000.0) : "~" + Math.round(ms / 1000.0) + " s";
        }
        if (ms < 3_600_000) {
            return "~" + Math.round(ms / 60_000.0) + " min";
        }
        return String.format(java.util.Locale.ROOT, "~%.1f h", ms / 3_600_000.0);
    }

    public static String humanBytes(long bytes) {
        if (bytes < 1024 * 1024) {
            return Math.max(0, bytes / 1024) + " kB";
        }
        if (bytes < 1024L * 1024 * 1024) {
            return Math.round(bytes / MB) + " MB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f GB", bytes / MB / 1024);
    }
}
