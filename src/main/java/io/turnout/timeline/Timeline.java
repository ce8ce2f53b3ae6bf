package io.turnout.timeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One target's shared time axis: feeds (DB sampler, router stats, health probes) append samples,
 * plans and alerts append markers, and views copy a window out of it once per tick. Keeps
 * {@code retention} (an hour by default) in fixed-size rings, so memory stays flat however long
 * the console runs. Thread-safe; listeners run on the appending thread and must not block.
 */
public final class Timeline {

    public static final Duration DEFAULT_RETENTION = Duration.ofHours(1);

    private final Duration retention;
    private final Clock clock;
    private final int capacityPerSeries;
    private final Map<SeriesKey, RingSeries> series = new HashMap<>();
    private final ArrayDeque<Marker> markers = new ArrayDeque<>();
    private final CopyOnWriteArrayList<Consumer<Marker>> markerListeners = new CopyOnWriteArrayList<>();

    /** @param resolution the finest sampling interval expected (1 s); sizes each series' ring */
    public Timeline(Duration retention, Duration resolution, Clock clock) {
        this.retention = retention;
        this.clock = clock;
        this.capacityPerSeries = (int) Math.max(16, retention.toMillis() / Math.max(1, resolution.toMillis()) + 1);
    }

    public Timeline(Clock clock) {
        this(DEFAULT_RETENTION, Duration.ofSeconds(1), clock);
    }

    public Duration retention() {
        return retention;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Appends one sample per series at the same instant (one feed tick). */
    public synchronized void record(Instant at, Map<SeriesKey, Double> values) {
        long t = at.toEpochMilli();
        long cutoff = t - retention.toMillis();
        values.forEach((k, v) -> {
            RingSeries s = series.computeIfAbsent(k, x -> new RingSeries(capacityPerSeries));
            s.append(t, v);
            s.trimBefore(cutoff);
        });
    }

    public void record(Instant at, SeriesKey key, double value) {
        record(at, Map.of(key, value));
    }

    public void mark(Marker marker) {
        synchronized (this) {
            markers.addLast(marker);
            long cutoff = marker.at().toEpochMilli() - retention.toMillis();
            while (!markers.isEmpty() && markers.peekFirst().at().toEpochMilli() < cutoff) {
                markers.removeFirst();
            }
        }
        for (Consumer<Marker> l : markerListeners) {
            l.accept(marker);
        }
    }

    /** Called for each new marker (alerts, release steps), on the marking thread. */
    public Runnable onMarker(Consumer<Marker> listener) {
        markerListeners.add(listener);
        return () -> markerListeners.remove(listener);
    }

    /** A copy of everything within [from, to]. */
    public synchronized TimelineSlice slice(Instant from, Instant to) {
        long f = from.toEpochMilli();
        long t = to.toEpochMilli();
        TreeMap<SeriesKey, SeriesData> copy = new TreeMap<>();
        series.forEach((k, s) -> {
            if (!s.isEmpty()) {
                copy.put(k, s.copy(f, t));
            }
        });
        List<Marker> ms = new ArrayList<>();
        for (Marker m : markers) {
            long at = m.at().toEpochMilli();
            if (at >= f && at <= t) {
                ms.add(m);
            }
        }
        return new TimelineSlice(from, to, copy, List.copyOf(ms));
    }

    /** The last {@code window} up to now. */
    public TimelineSlice last(Duration window) {
        Instant now = clock.instant();
        return slice(now.minus(window), now);
    }
}
