package io.turnout.traffic;

import io.turnout.stack.Color;

import java.util.List;
import java.util.Map;

/**
 * Where a traffic feed's cumulative per-color counters come from: HAProxy's own counters
 * ({@code show stat}), or, for nginx, which keeps none per color, the feed's count of its access
 * log ({@link LogCounters}).
 */
public interface TrafficCounters {

    /** Cumulative counters per service and color, read now; throws when the router does not answer. */
    Map<String, Map<Color, ColorCounters>> read();

    /** One request from the access log; counters that count lines count it. */
    default void seen(AccessLogLine request) {
        // HAProxy counts on its own
    }

    static TrafficCounters haproxy(StatsSource stats, List<String> services) {
        return () -> HaproxyStatsCsv.parse(stats.showStat(), services);
    }
}
