package io.turnout.timeline;

import java.util.Arrays;

/** Fixed-capacity circular buffer of (time, value) points; appends in time order. Not thread-safe. */
final class RingSeries {

    private final long[] times;
    private final double[] values;
    private int start;
    private int size;

    RingSeries(int capacity) {
        times = new long[capacity];
        values = new double[capacity];
    }

    void append(long epochMillis, double value) {
        int cap = times.length;
        int slot = (start + size) % cap;
        times[slot] = epochMillis;
        values[slot] = value;
        if (size < cap) {
            size++;
        } else {
            start = (start + 1) % cap;
        }
    }

    /** Drops points older than {@code cutoff}. */
    void trimBefore(long cutoff) {
        while (size > 0 && times[start] < cutoff) {
            start = (start + 1) % times.length;
            size--;
        }
    }

    boolean isEmpty() {
        return size == 0;
    }

    SeriesData copy(long from, long to) {
        int first = 0;
        while (first < size && at(first) < from) {
            first++;
        }
        int last = size;
        while (last > first && at(last - 1) > to) {
            last--;
        }
        int n = last - first;
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            int slot = (start + first + i) % times.length;
            t[i] = times[slot];
            v[i] = values[slot];
        }
        return new SeriesData(t, v);
    }

    private long at(int i) {
        return times[(start + i) % times.length];
    }

    @Override
    public String toString() {
        return "RingSeries" + Arrays.toString(copy(Long.MIN_VALUE, Long.MAX_VALUE).values());
    }
}
