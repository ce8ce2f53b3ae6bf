package io.turnout.traffic;

import io.turnout.stack.Color;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-color counters made by counting the access log, for nginx, which has no per-upstream
 * counters without its commercial API. They count from when the log is first followed; sessions
 * and averages are unknown ({@code -1}: the charts show a gap). A line is counted once, when it
 * is logged, which is when nginx finished the request.
 */
public final class LogCounters implements TrafficCounters {

    private final Map<String, Map<Color, long[]>> counts = new HashMap<>();

    @Override
    public synchronized void seen(AccessLogLine request) {
        long[] c = counts.computeIfAbsent(request.service(), s -> new EnumMap<>(Color.class))
                .computeIfAbsent(request.color(), k -> new long[3]);
        c[0]++;
        if (request.status() >= 400 && request.status() < 500) {
            c[1]++;
        } else if (request.status() >= 500) {
            c[2]++;
        }
    }

    @Override
    public synchronized Map<String, Map<Color, ColorCounters>> read() {
        Map<String, Map<Color, ColorCounters>> out = new HashMap<>();
        counts.forEach((service, colors) -> {
            Map<Color, ColorCounters> m = new EnumMap<>(Color.class);
            colors.forEach((color, c) -> m.put(color, new ColorCounters(c[0], c[1], c[2], -1, -1, -1)));
            out.put(service, m);
        });
        return out;
    }
}
