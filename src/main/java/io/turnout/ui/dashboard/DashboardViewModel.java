package io.turnout.ui.dashboard;

import io.turnout.db.DbUrl;
import io.turnout.timeline.Marker;
import io.turnout.timeline.Timeline;
import io.turnout.timeline.TimelineSlice;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard of one target: once per {@link #tick()} it copies the visible window out of the
 * {@link Timeline} and builds immutable chart models from it. Pausing freezes the window (feeds keep
 * recording); zooming shows a chosen range and pauses; the 15 min / 1 h buttons and "live" go back to
 * following now. FX thread only; plain class, tested without a toolkit.
 */
public final class DashboardViewModel {

    public static final Duration SHORT = Duration.ofMinutes(15);
    public static final Duration LONG = Duration.ofHours(1);
    /** Narrowest zoom: a few samples still make a line. */
    static final Duration MIN_SPAN = Duration.ofSeconds(10);
    /** Narrowest live window while the timeline is still filling. */
    static final Duration MIN_LIVE_SPAN = Duration.ofMinutes(1);

    private final Timeline timeline;
    private final String target;
    private final ZoneId zone;
    private final ReadOnlyObjectWrapper<DashboardModel> model = new ReadOnlyObjectWrapper<>(DashboardModel.EMPTY);
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper zoomed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Duration> window = new ReadOnlyObjectWrapper<>(SHORT);
    private final ReadOnlyStringWrapper database = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final java.util.function.Consumer<String> watchDatabase;

    public DashboardViewModel(Timeline timeline, String target, ZoneId zone) {
        this(timeline, target, zone, url -> {
            throw new IllegalArgumentException("This console cannot watch a database.");
        });
    }

    /** @param watchDatabase starts sampling a database onto the timeline; throws IllegalArgumentException with one sentence */
    public DashboardViewModel(Timeline timeline, String target, ZoneId zone, java.util.function.Consumer<String> watchDatabase) {
        this.watchDatabase = watchDatabase;
        this.timeline = timeline;
        this.target = target;
        this.zone = zone;
    }

    public String target() {
        return target;
    }

    /** Samples the typed database onto this timeline; shows it masked (never its password), or says why not. */
    public void watchDatabase(String jdbcUrl) {
        try {
            String masked = DbUrl.parse(jdbcUrl).masked();
            watchDatabase.accept(jdbcUrl.trim());
            database.set(masked);
            error.set("");
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
        }
    }

    /**
     * One UI update: re-reads the window while live; a paused or zoomed view keeps what it shows. Until
     * the timeline holds a full window, the axis starts at its first sample (at least {@link #MIN_LIVE_SPAN}),
     * so the first minutes of a console are not a sliver at the right edge.
     */
    public void tick() {
        if (!paused.get()) {
            Instant now = timeline.now();
            TimelineSlice slice = timeline.slice(now.minus(window.get()), now);
            Instant first = firstSample(slice);
            Instant from = first == null ? slice.from() : first.minus(Duration.ofSeconds(2));
            Instant minFrom = now.minus(MIN_LIVE_SPAN);
            from = from.isAfter(minFrom) ? minFrom : from;
            if (from.isAfter(slice.from())) {
                slice = new TimelineSlice(from, slice.to(), slice.series(), slice.markers());
            }
            show(slice);
        }
    }

    private static Instant firstSample(TimelineSlice slice) {
        long first = Long.MAX_VALUE;
        for (var s : slice.series().values()) {
            if (s.size() > 0) {
                first = Math.min(first, s.epochMillis()[0]);
            }
        }
        for (Marker m : slice.markers()) {
            first = Math.min(first, m.at().toEpochMilli());
        }
        return first == Long.MAX_VALUE ? null : Instant.ofEpochMilli(first);
    }

    public void window(Duration w) {
        window.set(w);
        live();
    }

    public void togglePause() {
        if (paused.get()) {
            live();
        } else {
            paused.set(true);
        }
    }

    /** Back to following now with the chosen window. */
    public void live() {
        paused.set(false);
        zoomed.set(false);
        tick();
    }

    /** Shows [from, to] (clamped to what the timeline keeps) and pauses there. */
    public void zoom(Instant from, Instant to) {
        if (to.isBefore(from)) {
            Instant t = from;
            from = to;
            to = t;
        }
        Instant now = timeline.now();
        Instant oldest = now.minus(timeline.retention());
        if (Duration.between(from, to).compareTo(MIN_SPAN) < 0) {
            Instant mid = from.plus(Duration.between(from, to).dividedBy(2));
            from = mid.minus(MIN_SPAN.dividedBy(2));
            to = mid.plus(MIN_SPAN.dividedBy(2));
        }
        from = from.isBefore(oldest) ? oldest : from;
        to = to.isAfter(now) ? now : to;
        paused.set(true);
        zoomed.set(true);
        show(timeline.slice(from, to));
    }

    /** Mouse wheel: {@code factor} below 1 zooms in around {@code at}, above 1 out. */
    public void zoomAround(Instant at, double factor) {
        DashboardModel m = model.get();
        long from = m.from().toEpochMilli();
        long to = m.to().toEpochMilli();
        long t = at.toEpochMilli();
        zoom(Instant.ofEpochMilli(t - Math.round((t - from) * factor)), Instant.ofEpochMilli(t + Math.round((to - t) * factor)));
    }

    private void show(TimelineSlice slice) {
        model.set(new DashboardModel(slice.from(), slice.to(), ChartLayout.build(slice), slice.markers()));
    }

    /** What the hover panel says at {@code at}: the time, every series' value, and the markers within {@code near}. */
    public List<String> hover(Instant at, Duration near) {
        DashboardModel m = model.get();
        long t = at.toEpochMilli();
        List<String> out = new ArrayList<>();
        out.add(DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone).format(at));
        for (Marker mk : m.markers()) {
            if (Math.abs(mk.at().toEpochMilli() - t) <= near.toMillis()) {
                out.add("▍ " + mk.label() + (mk.detail().isEmpty() ? "" : " — " + mk.detail()));
            }
        }
        for (ChartModel c : m.charts()) {
            for (ChartModel.Line l : c.lines()) {
                out.add(c.title().split(" · ")[0] + " · " + l.label() + " = " + format(l.valueAt(t), c.unit()));
            }
            for (ChartModel.Line b : c.bands()) {
                double v = b.valueAt(t);
                out.add(c.title().split(" · ")[0] + " · " + b.label() + " = " + (Double.isNaN(v) ? "—" : v > 0 ? "up" : "down"));
            }
        }
        return out;
    }

    static String format(double v, String unit) {
        if (Double.isNaN(v)) {
            return "—";
        }
        String n = v == Math.rint(v) && Math.abs(v) < 1e9 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
        return unit.isEmpty() ? n : n + " " + unit;
    }

    public ReadOnlyObjectProperty<DashboardModel> modelProperty() { return model.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty pausedProperty() { return paused.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty zoomedProperty() { return zoomed.getReadOnlyProperty(); }
    /** The watched database, masked; "" when none. */
    public ReadOnlyStringProperty databaseProperty() { return database.getReadOnlyProperty(); }
    /** Why the last request failed, one sentence; "" when fine. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Duration> windowProperty() { return window.getReadOnlyProperty(); }
}
