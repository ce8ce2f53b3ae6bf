package io.turnout.traffic;

/**
 * One color of one service over the last tick. Rates are per second over the time since the
 * previous read; percentiles are NaN when no request of that color was logged in the tick.
 *
 * @param share this color's part of the service's requests in the tick (0..1; NaN when there were none)
 * @param totalRequests requests counted since the feed started (sum of the ticks' deltas)
 * @param total5xx 5xx responses counted since the feed started
 */
public record ColorTraffic(double rps, double rate4xx, double rate5xx, int sessions, int avgResponseMs, int avgTotalMs,
                           double share, double p50Ms, double p95Ms, double p99Ms, long totalRequests, long total5xx) {

    /** 5xx responses as a fraction of requests in the tick; 0 without requests. */
    public double errorRatio() {
        return rps > 0 ? rate5xx / rps : 0;
    }
}
