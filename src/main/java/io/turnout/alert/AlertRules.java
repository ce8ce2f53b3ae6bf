package io.turnout.alert;

import io.turnout.timeline.Marker;
import io.turnout.timeline.MarkerKind;
import io.turnout.timeline.SeriesData;
import io.turnout.timeline.SeriesKey;
import io.turnout.timeline.TimelineSlice;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The four thresholds, over the series the feeds write:
 * <ul>
 * <li>{@code db-connections}: {@code db/connections.total} (or the sum of the other {@code db/connections.*}
 *     series) above {@code ratio} of {@code db/connections.max};</li>
 * <li>{@code lock-wait}: {@code db/max_wait_s} above the limit;</li>
 * <li>{@code 5xx-rate}: per {@code traffic/<service>.<color>}, 5xx responses over requests in the window above the ratio;</li>
 * <li>{@code health-flapping}: at least {@code count} HEALTH_CHANGE markers for one {@code <service>.<color>} in the window.</li>
 * </ul>
 */
public final class AlertRules {

    private AlertRules() {
    }

    /** The defaults the issue asks for: 80 % of max connections, 5 s lock wait, 1 % 5xx over 10 s, 3 changes in 2 min. */
    public static List<AlertRule> defaults() {
        return List.of(dbConnections(0.8), lockWait(5), errorRate(0.01, Duration.ofSeconds(10)),
                healthFlapping(3, Duration.ofMinutes(2)));
    }

    public static AlertRule dbConnections(double ratio) {
        return rule("db-connections", Duration.ofSeconds(5), slice -> {
            double max = last(slice, "db", "connections.max");
            double used = last(slice, "db", "connections.total");
            if (Double.isNaN(used)) {
                used = 0;
                for (Map.Entry<SeriesKey, SeriesData> e : slice.series().entrySet()) {
                    String n = e.getKey().name();
                    if (e.getKey().feed().equals("db") && n.startsWith("connections.") && !n.equals("connections.max")
                            && !Double.isNaN(e.getValue().last())) {
                        used += e.getValue().last();
                    }
                }
            }
            if (Double.isNaN(max) || max <= 0 || used <= ratio * max) {
                return Map.of();
            }
            return Map.of("db", String.format(Locale.ROOT, "Database connections at %.0f of %.0f (%.0f %%), above %.0f %%.",
                    used, max, 100 * used / max, 100 * ratio));
        });
    }

    public static AlertRule lockWait(double seconds) {
        return rule("lock-wait", Duration.ofSeconds(5), slice -> {
            double wait = last(slice, "db", "max_wait_s");
            if (Double.isNaN(wait) || wait <= seconds) {
                return Map.of();
            }
            return Map.of("db", String.format(Locale.ROOT, "A session has waited %.1f s for a lock (limit %.0f s); %s blocked.",
                    wait, seconds, fmt(last(slice, "db", "blocked"))));
        });
    }

    /** Per color: 5xx responses / requests summed over {@code window} (series {@code .5xx} and {@code .rps}, both per second). */
    public static AlertRule errorRate(double ratio, Duration window) {
        return rule("5xx-rate", window, slice -> {
            Map<String, String> out = new TreeMap<>();
            for (Map.Entry<SeriesKey, SeriesData> e : slice.series().entrySet()) {
                SeriesKey k = e.getKey();
                if (!k.feed().equals("traffic") || !k.name().endsWith(".5xx")) {
                    continue;
                }
                String subject = k.name().substring(0, k.name().length() - 4);
                SeriesData rps = slice.series().get(SeriesKey.of("traffic", subject + ".rps"));
                double errors = sum(e.getValue());
                double requests = rps == null ? 0 : sum(rps);
                if (requests > 0 && errors / requests > ratio) {
                    out.put(subject, String.format(Locale.ROOT, "%s answers %.1f %% 5xx over the last %d s (limit %.1f %%).",
                            subject, 100 * errors / requests, window.toSeconds(), 100 * ratio));
                }
            }
            return out;
        });
    }

    /**
     * HEALTH_CHANGE markers are labelled {@code <service>.<color> <from> → <to>} (see
     * {@code io.turnout.health.HealthTransition}); the first word is the subject.
     */
    public static AlertRule healthFlapping(int count, Duration window) {
        return rule("health-flapping", window, slice -> {
            Map<String, Integer> changes = new HashMap<>();
            for (Marker m : slice.markers()) {
                // only changes into or out of unhealthy: missing → starting → healthy is a deploy, not flapping
                if (m.kind() == MarkerKind.HEALTH_CHANGE && m.label().contains("unhealthy")) {
                    changes.merge(m.label().split(" ", 2)[0], 1, Integer::sum);
                }
            }
            Map<String, String> out = new TreeMap<>();
            changes.forEach((subject, n) -> {
                if (n >= count) {
                    out.put(subject, subject + " changed health " + n + " times in " + window.toMinutes() + " min (flapping).");
                }
            });
            return out;
        });
    }

    private static double last(TimelineSlice slice, String feed, String name) {
        SeriesData d = slice.series().get(SeriesKey.of(feed, name));
        return d == null ? Double.NaN : d.last();
    }

    private static double sum(SeriesData d) {
        double s = 0;
        for (double v : d.values()) {
            if (!Double.isNaN(v)) {
                s += v;
            }
        }
        return s;
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "some sessions" : String.format(Locale.ROOT, "%.0f sessions", v);
    }

    private static AlertRule rule(String name, Duration window, Function<TimelineSlice, Map<String, String>> check) {
        return new AlertRule() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Duration window() {
                return window;
            }

            @Override
            public Map<String, String> breaches(TimelineSlice slice) {
                return check.apply(slice);
            }
        };
    }
}
