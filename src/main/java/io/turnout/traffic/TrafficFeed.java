package io.turnout.traffic;

import io.turnout.feed.Feed;
import io.turnout.feed.FeedListeners;
import io.turnout.feed.FeedTicker;
import io.turnout.stack.Color;
import io.turnout.timeline.SeriesKey;
import io.turnout.timeline.Timeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Traffic per routed service and color, once a second: counters from the router's stats or log (rates
 * are deltas over the elapsed time, so a late tick does not inflate them) and latency percentiles
 * from its access log, followed as it is written. Each tick appends to the target's {@link Timeline}
 * under feed {@value #FEED}: {@code <service>.<color>.rps|4xx|5xx|sessions|avg_ms|p50_ms|p95_ms|p99_ms|share}.
 */
public final class TrafficFeed implements Feed<TrafficSnapshot> {

    public static final String FEED = "traffic";
    private static final Logger LOG = LoggerFactory.getLogger(TrafficFeed.class);
    private static final Duration REFOLLOW_EVERY = Duration.ofSeconds(5);

    private final String scope;
    private final List<String> services;
    private final TrafficCounters counters;
    private final LogSource log;
    private final Timeline timeline;
    private final Clock clock;
    private final FeedTicker ticker;
    private final FeedListeners<TrafficSnapshot> listeners = new FeedListeners<>();
    private final Map<String, LatencySample> latencies = new HashMap<>();
    private final Map<String, long[]> totals = new HashMap<>();
    private volatile TrafficSnapshot current;
    private Map<String, Map<Color, ColorCounters>> previous;
    private Instant previousAt;
    private LogSource.Following following;
    private Instant lastFollow;

    /**
     * @param scope names the feed's thread and its log lines, e.g. the stack
     * @param services the stack's routed services
     */
    public TrafficFeed(String scope, List<String> services, TrafficCounters counters, LogSource log, Timeline timeline,
                       Clock clock, Duration interval) {
        this.scope = scope;
        this.services = List.copyOf(services);
        this.counters = counters;
        this.log = log;
        this.timeline = timeline;
        this.clock = clock;
        this.ticker = new FeedTicker("traffic-feed-" + scope, interval);
        this.current = TrafficSnapshot.empty(clock.instant());
    }

    @Override
    public TrafficSnapshot current() {
        return current;
    }

    @Override
    public Subscription subscribe(Consumer<? super TrafficSnapshot> listener) {
        return listeners.add(listener);
    }

    @Override
    public synchronized void start() {
        if (ticker.running()) {
            return;
        }
        previous = null; // a full resync: the first read is the new baseline
        ticker.start(() -> {
            ensureFollowing();
            tick();
        });
    }

    @Override
    public synchronized void stop() {
        ticker.stop(Duration.ZERO);
        synchronized (latencies) {
            if (following != null) {
                following.close();
                following = null;
            }
        }
    }

    /**
     * Follows the access log on the feed's thread (a Docker call never runs on the caller's, which
     * may be the FX thread), and again after the router container was restarted or replaced —
     * at most every {@link #REFOLLOW_EVERY}.
     */
    private void ensureFollowing() {
        synchronized (latencies) {
            if (following != null && following.alive()) {
                return;
            }
            Instant now = clock.instant();
            if (lastFollow != null && now.isBefore(lastFollow.plus(REFOLLOW_EVERY))) {
                return;
            }
            lastFollow = now;
            try {
                following = log.follow(this::onLogLine);
            } catch (RuntimeException e) {
                following = null;
                LOG.warn("traffic {}: cannot follow the router's access log, no latency percentiles for now: {}", scope,
                        e.getMessage());
            }
        }
    }

    void onLogLine(String line) {
        AccessLogLine a = AccessLogLine.parse(line);
        if (a == null || !services.contains(a.service())) {
            return;
        }
        counters.seen(a);
        if (a.activeMs() < 0) {
            return;
        }
        synchronized (latencies) {
            latencies.computeIfAbsent(key(a.service(), a.color()), k -> new LatencySample()).add(a.activeMs());
        }
    }

    /** One read: counters, deltas, percentiles, timeline, listeners. Called by the ticker; tests call it directly. */
    synchronized void tick() {
        Instant now = clock.instant();
        Map<String, Map<Color, ColorCounters>> read;
        try {
            read = counters.read();
        } catch (RuntimeException e) {
            publish(new TrafficSnapshot(now, current.services(), "The router's stats could not be read: " + e.getMessage()));
            return;
        }
        Map<String, double[]> percentiles = drainLatencies();
        if (previous == null) {
            previous = read;
            previousAt = now;
            publish(new TrafficSnapshot(now, idle(read), null));
            return;
        }
        double seconds = Math.max(0.001, Duration.between(previousAt, now).toMillis() / 1000.0);
        Map<String, Map<Color, ColorTraffic>> out = new LinkedHashMap<>();
        Map<SeriesKey, Double> series = new LinkedHashMap<>();
        for (String s : services) {
            Map<Color, ColorCounters> now1 = read.getOrDefault(s, Map.of());
            Map<Color, ColorCounters> before = previous.getOrDefault(s, Map.of());
            Map<Color, long[]> deltas = new EnumMap<>(Color.class);
            long serviceTotal = 0;
            for (Map.Entry<Color, ColorCounters> e : now1.entrySet()) {
                ColorCounters b = before.get(e.getKey());
                long[] d = {
                    delta(e.getValue().requests(), b == null ? 0 : b.requests()),
                    delta(e.getValue().responses4xx(), b == null ? 0 : b.responses4xx()),
                    delta(e.getValue().responses5xx(), b == null ? 0 : b.responses5xx())};
                deltas.put(e.getKey(), d);
                serviceTotal += d[0];
            }
            Map<Color, ColorTraffic> colors = new EnumMap<>(Color.class);
            for (Map.Entry<Color, long[]> e : deltas.entrySet()) {
                Color c = e.getKey();
                long[] d = e.getValue();
                long[] total = totals.computeIfAbsent(key(s, c), k -> new long[2]);
                total[0] += d[0];
                total[1] += d[2];
                ColorCounters cc = now1.get(c);
                double[] p = percentiles.getOrDefault(key(s, c), new double[] {Double.NaN, Double.NaN, Double.NaN});
                ColorTraffic t = new ColorTraffic(d[0] / seconds, d[1] / seconds, d[2] / seconds, cc.sessions(),
                        cc.responseMs(), cc.totalMs(), serviceTotal == 0 ? Double.NaN : (double) d[0] / serviceTotal,
                        p[0], p[1], p[2], total[0], total[1]);
                colors.put(c, t);
                addSeries(series, s + "." + c.id(), t);
            }
            out.put(s, colors);
        }
        previous = read;
        previousAt = now;
        timeline.record(now, series);
        publish(new TrafficSnapshot(now, out, null));
    }

    /** The baseline read: every color the router has, nothing counted yet. */
    private static Map<String, Map<Color, ColorTraffic>> idle(Map<String, Map<Color, ColorCounters>> counters) {
        Map<String, Map<Color, ColorTraffic>> out = new LinkedHashMap<>();
        counters.forEach((s, colors) -> {
            Map<Color, ColorTraffic> m = new EnumMap<>(Color.class);
            colors.forEach((c, cc) -> m.put(c, new ColorTraffic(0, 0, 0, cc.sessions(), cc.responseMs(), cc.totalMs(),
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, 0)));
            out.put(s, m);
        });
        return out;
    }

    /** HAProxy's counters restart at 0 when a reload hands over to a new worker: then everything counted is new. */
    private static long delta(long now, long before) {
        return now >= before ? now - before : now;
    }

    private static void addSeries(Map<SeriesKey, Double> series, String prefix, ColorTraffic t) {
        put(series, prefix + ".rps", t.rps());
        put(series, prefix + ".4xx", t.rate4xx());
        put(series, prefix + ".5xx", t.rate5xx());
        put(series, prefix + ".sessions", known(t.sessions()));
        put(series, prefix + ".avg_ms", known(t.avgResponseMs()));
        put(series, prefix + ".p50_ms", t.p50Ms());
        put(series, prefix + ".p95_ms", t.p95Ms());
        put(series, prefix + ".p99_ms", t.p99Ms());
        put(series, prefix + ".share", t.share());
    }

    /** -1 is what the router does not know (nginx: sessions, averages): a gap, not a value. */
    private static double known(int v) {
        return v < 0 ? Double.NaN : v;
    }

    /** A gap in the chart rather than a made-up value when there was nothing to measure. */
    private static void put(Map<SeriesKey, Double> series, String name, double v) {
        if (!Double.isNaN(v)) {
            series.put(SeriesKey.of(FEED, name), v);
        }
    }

    private Map<String, double[]> drainLatencies() {
        Map<String, double[]> out = new HashMap<>();
        synchronized (latencies) {
            latencies.forEach((k, sample) -> {
                if (sample.size() > 0) {
                    out.put(k, sample.drainPercentiles());
                }
            });
        }
        return out;
    }

    private void publish(TrafficSnapshot s) {
        current = s;
        listeners.publish(s);
    }

    private static String key(String service, Color c) {
        return service + "." + c.id();
    }
}
