package io.turnout.ui.dashboard;

import io.turnout.timeline.SeriesData;
import io.turnout.timeline.SeriesKey;
import io.turnout.timeline.TimelineSlice;
import io.turnout.ui.dashboard.ChartModel.Dash;
import io.turnout.ui.dashboard.ChartModel.Line;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sorts a slice's series into the dashboard's charts by the feeds' naming conventions
 * ({@code health/...}, {@code traffic/<svc>.<color>.rps|4xx|5xx|sessions|p50_ms|p95_ms|p99_ms|share},
 * {@code db/connections.*}, {@code db/app:<name>}, other {@code db/...}); a series nobody planned
 * for still shows, in a chart named after its feed. Colours follow the color in the name, so blue
 * and green read the same in every chart.
 */
final class ChartLayout {

    static final String HEALTH = "health";
    static final String TRAFFIC = "traffic";
    static final String SHARE = "share";
    static final String LATENCY = "latency";
    static final String DB_CONNECTIONS = "db-connections";
    static final String DB_ACTIVITY = "db-activity";

    private static final Map<String, String[]> CHARTS = new LinkedHashMap<>();

    static {
        CHARTS.put(HEALTH, new String[] {"Health · response time", "ms"});
        CHARTS.put(TRAFFIC, new String[] {"Traffic · requests and errors", "/s"});
        CHARTS.put(SHARE, new String[] {"Traffic share per color", ""});
        CHARTS.put(LATENCY, new String[] {"Latency · p50 / p95 / p99", "ms"});
        CHARTS.put(DB_CONNECTIONS, new String[] {"DB connections · by state and application", ""});
        CHARTS.put(DB_ACTIVITY, new String[] {"DB · tps, blocked, oldest transaction", ""});
    }

    private static final String[] BLUES = {"#1f6feb", "#54aeff", "#0a3069", "#80ccff"};
    private static final String[] GREENS = {"#1a7f37", "#4ac26b", "#044f1e", "#8ddb8c"};
    private static final String[] OTHERS = {"#8250df", "#bf8700", "#cf222e", "#0598bc", "#bc4c00", "#6e7781", "#e16f24", "#a475f9"};

    private ChartLayout() {
    }

    static List<ChartModel> build(TimelineSlice slice) {
        Map<String, List<Line>> lines = new LinkedHashMap<>();
        Map<String, List<Line>> bands = new LinkedHashMap<>();
        Map<String, String> extraTitles = new LinkedHashMap<>();
        Map<String, Integer> colorUse = new java.util.HashMap<>();
        for (Map.Entry<SeriesKey, SeriesData> e : slice.series().entrySet()) {
            SeriesKey key = e.getKey();
            String chart = chartOf(key);
            if (!CHARTS.containsKey(chart)) {
                extraTitles.putIfAbsent(chart, "Other · " + key.feed());
            }
            String name = key.name();
            Line line = new Line(key.toString(), name, color(chart, name, colorUse), dash(name),
                    e.getValue().epochMillis(), e.getValue().values());
            (isBand(key) ? bands : lines).computeIfAbsent(chart, c -> new ArrayList<>()).add(line);
        }
        List<ChartModel> out = new ArrayList<>();
        List<String> order = new ArrayList<>(CHARTS.keySet());
        order.addAll(extraTitles.keySet());
        for (String id : order) {
            List<Line> ls = lines.getOrDefault(id, List.of());
            List<Line> bs = bands.getOrDefault(id, List.of());
            if (ls.isEmpty() && bs.isEmpty()) {
                continue;
            }
            String[] meta = CHARTS.getOrDefault(id, new String[] {extraTitles.get(id), ""});
            out.add(new ChartModel(id, meta[0], meta[1], List.copyOf(ls), List.copyOf(bs), yMax(ls)));
        }
        return List.copyOf(out);
    }

    static String chartOf(SeriesKey key) {
        String n = key.name().toLowerCase(Locale.ROOT);
        return switch (key.feed()) {
            case "health" -> HEALTH;
            case "traffic" -> n.endsWith("share") ? SHARE : n.endsWith("_ms") ? LATENCY : TRAFFIC;
            case "db" -> n.contains("connections") || n.startsWith("app:") || n.startsWith("state:")
                    || n.contains("max_conn") ? DB_CONNECTIONS : DB_ACTIVITY;
            default -> "other-" + key.feed();
        };
    }

    /** Health status series (up = 1, down = 0) are a band, not a line. */
    private static boolean isBand(SeriesKey key) {
        String n = key.name().toLowerCase(Locale.ROOT);
        return key.feed().equals("health") && (n.endsWith(".ok") || n.endsWith("status") || n.endsWith("healthy") || n.endsWith(".up"));
    }

    private static Dash dash(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.contains("p95") || n.contains("4xx") || n.endsWith("max") || n.contains("max_conn") || n.contains(".max")) {
            return Dash.DASHED;
        }
        return n.contains("p99") || n.contains("5xx") || n.contains("sessions") ? Dash.DOTTED : Dash.SOLID;
    }

    private static String color(String chart, String name, Map<String, Integer> use) {
        String n = name.toLowerCase(Locale.ROOT);
        String[] family = n.contains("blue") ? BLUES : n.contains("green") ? GREENS : OTHERS;
        if (n.contains("max")) {
            return "#6e7781";
        }
        if (n.contains("5xx") || n.contains("blocked")) {
            return family == OTHERS ? "#cf222e" : family[2];
        }
        String group = chart + "|" + (family == BLUES ? "b" : family == GREENS ? "g" : "o");
        if (chart.equals(LATENCY) && family != OTHERS) {
            return family[0]; // p50/p95/p99 of one color share its colour; the dash tells them apart
        }
        int i = use.merge(group, 1, Integer::sum) - 1;
        return family[i % family.length];
    }

    private static double yMax(List<Line> lines) {
        double max = 0;
        for (Line l : lines) {
            for (double v : l.values()) {
                if (v > max && Double.isFinite(v)) {
                    max = v;
                }
            }
        }
        return niceCeiling(max);
    }

    /** 1, 2 or 5 times a power of ten, so the axis reads in round numbers. */
    static double niceCeiling(double v) {
        if (v <= 0) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (v <= m * p) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
