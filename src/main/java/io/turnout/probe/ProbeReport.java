package io.turnout.probe;

import java.util.List;
import java.util.Map;

/**
 * The proof a switch or rollback leaves in its release record: what the probe sent through the
 * public frontend and what came back.
 *
 * @param failed requests that did not get a 2xx (socket errors included)
 * @param socketErrors requests that got no HTTP response at all (refused, reset, timed out)
 * @param byVersion responses per served version (the {@code X-Turnout-Version} header, or the body of the version path)
 * @param mixedWindowMillis time between the first response from the new version and the last one from the
 *                          old version when they overlapped; 0 when the cut was clean
 * @param before latency before the first mark; {@code during} between the marks; {@code after} after the last
 * @param firstFailures up to 10 failures, "HH:mm:ss.SSS status/exception"
 */
public record ProbeReport(long sent, long failed, long socketErrors, Map<String, Long> byVersion, long mixedWindowMillis,
                          Latency before, Latency during, Latency after, double ratePerSecond, long durationMillis,
                          List<String> firstFailures) {

    /** Percentiles in milliseconds over the requests of one phase. */
    public record Latency(long count, double p50, double p95, double p99, double max) {
        public static final Latency NONE = new Latency(0, 0, 0, 0, 0);
    }

    /** "0 failed / 1,204 requests · mixed versions 12 ms · p99 4.1 → 6.3 → 3.9 ms" */
    public String summary() {
        return String.format(java.util.Locale.ROOT, "%d failed / %,d requests · mixed versions %d ms · p99 %.1f → %.1f → %.1f ms",
                failed, sent, mixedWindowMillis, before.p99(), during.p99(), after.p99());
    }
}
