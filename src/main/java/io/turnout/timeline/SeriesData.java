package io.turnout.timeline;

/** A copy of one series over a window: parallel arrays, time ascending. Safe to hand to another thread. */
public record SeriesData(long[] epochMillis, double[] values) {

    public int size() {
        return values.length;
    }

    public double last() {
        return values.length == 0 ? Double.NaN : values[values.length - 1];
    }
}
