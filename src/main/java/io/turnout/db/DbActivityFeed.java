package io.turnout.db;

import io.turnout.feed.Feed;
import io.turnout.timeline.Timeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Samples a database every {@code interval} (1 s) on its own daemon thread, publishes each
 * {@link DbActivity} and, if given a {@link Timeline}, appends it there (see {@link DbSeries}).
 * {@link #stop()} closes the monitoring connection, so a hidden view costs the server nothing.
 * Ticks are spaced from the end of the previous sample: a slow sample or a connection timeout
 * delays the next one instead of queueing a burst.
 */
public final class DbActivityFeed implements Feed<DbActivity> {

    private static final Logger log = LoggerFactory.getLogger(DbActivityFeed.class);

    private final DbActivitySampler sampler;
    private final Duration interval;
    private final DbSeries series;
    private final CopyOnWriteArrayList<Consumer<? super DbActivity>> listeners = new CopyOnWriteArrayList<>();
    private volatile DbActivity current;
    private ScheduledExecutorService executor;

    /** @param timeline where samples are appended, or null */
    public DbActivityFeed(DbActivitySampler sampler, Duration interval, Timeline timeline) {
        this.sampler = Objects.requireNonNull(sampler, "sampler");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.series = timeline == null ? null : new DbSeries(timeline);
        this.current = DbActivity.down(java.time.Instant.EPOCH, "Not sampled yet.", 0);
    }

    @Override
    public DbActivity current() {
        return current;
    }

    @Override
    public Subscription subscribe(Consumer<? super DbActivity> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "turnout-db-feed " + sampler.url().host() + ":" + sampler.url().port());
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService ex;
        synchronized (this) {
            ex = executor;
            executor = null;
        }
        if (ex == null) {
            return;
        }
        ex.shutdownNow();
        try {
            if (!ex.awaitTermination(15, TimeUnit.SECONDS)) {
                log.warn("The database feed for {} did not stop within 15 s", sampler.url().masked());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sampler.close();
    }

    private void tick() {
        try {
            DbActivity a = sampler.sample();
            current = a;
            if (series != null && a.ok()) {
                series.append(a);
            }
            for (Consumer<? super DbActivity> l : List.copyOf(listeners)) {
                l.accept(a);
            }
        } catch (RuntimeException e) {   // a listener's bug must not end the schedule
            log.warn("Database feed tick failed", e);
        }
    }
}
