package io.turnout.ui.dashboard;

import java.util.List;

/**
 * One chart of the dashboard as drawn: its lines (each a copy of one timeline series) and its status
 * bands, with the value range shared by its lines. Immutable; built off a timeline slice once per tick.
 *
 * @param bands series drawn as a strip under the plot: a value above zero is "up", zero is "down"
 */
public record ChartModel(String id, String title, String unit, List<Line> lines, List<Line> bands, double yMax) {

    public enum Dash { SOLID, DASHED, DOTTED }

    /** @param color a CSS colour ("#1f6feb"); @param key the timeline series it copies, "feed/name" */
    public record Line(String key, String label, String color, Dash dash, long[] epochMillis, double[] values) {

        /** The value at or last before {@code t}; NaN when the line has none yet. */
        public double valueAt(long t) {
            int lo = 0;
            int hi = epochMillis.length - 1;
            int found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (epochMillis[mid] <= t) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return found < 0 ? Double.NaN : values[found];
        }

        public double last() {
            return values.length == 0 ? Double.NaN : values[values.length - 1];
        }
    }

    public boolean isEmpty() {
        return lines.isEmpty() && bands.isEmpty();
    }
}
