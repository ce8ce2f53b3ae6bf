package io.turnout.db;

import io.turnout.feed.Feed;
import io.turnout.feed.FeedListeners;
import io.turnout.feed.FeedTicker;
import io.turnout.timeline.Timeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
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
    private final DbSeries series;
    private final FeedTicker ticker;
    private final FeedListeners<DbActivity> listeners = new FeedListeners<>();
    private volatile DbActivity current;

    /** @param timeline where samples are appended, or null */
    public DbActivityFeed(DbActivitySampler sampler, Duration interval, Timeline timeline) {
        this.sampler = Objects.requireNonNull(sampler, "sampler");
        this.ticker = new FeedTicker("turnout-db-feed " + sampler.url().host() + ":" + sampler.url().port(),
                Objects.requireNonNull(interval, "interval"));
        this.series = timeline == null ? null : new DbSeries(timeline);
        this.current = DbActivity.down(java.time.Instant.EPOCH, "Not sampled yet.", 0);
    }

    @Override
    public DbActivity current() {
        return current;
    }

    @Override
    public Subscription subscribe(Consumer<? super DbActivity> listener) {
        return listeners.add(listener);
    }

    @Override
    public void start() {
        ticker.start(this::tick);
    }

    @Override
    public void stop() {
        if (!ticker.running()) {
            return;
        }
        if (!ticker.stop(Duration.ofSeconds(15))) {
            log.warn("The database feed for {} did not stop within 15 s", sampler.url().masked());
        }
        sampler.close();
    }

    private void tick() {
        DbActivity a = sampler.sample();
        current = a;
        if (series != null && a.ok()) {
            series.append(a);
        }
        listeners.publish(a);
    }
}
