package io.turnout.traffic;

import java.util.Arrays;

/**
 * The latencies of one tick for one service and color: appended as the log arrives, sorted once
 * when the tick closes. A tick at 1 Hz holds a few thousand values at most, so an array and one
 * sort are cheaper than any sketch. Not thread-safe; the feed guards it.
 */
final class LatencySample {

    private int[] values = new int[256];
    private int size;

    void add(int millis) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = millis;
    }

    int size() {
        return size;
    }

    /** p50, p95, p99 (nearest rank) of the values so far, then empties the sample; NaNs when it was empty. */
    double[] drainPercentiles() {
        if (size == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        Arrays.sort(values, 0, size);
        double[] p = {rank(0.50), rank(0.95), rank(0.99)};
        size = 0;
        if (values.length > 65_536) {
            values = new int[256]; // a burst must not pin a large array for the rest of the session
        }
        return p;
    }

    private double rank(double q) {
        int r = (int) Math.ceil(q * size);
        return values[Math.max(0, Math.min(size - 1, r - 1))];
    }
}
