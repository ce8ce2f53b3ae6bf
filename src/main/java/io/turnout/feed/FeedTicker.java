package io.turnout.feed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one daemon thread a sampling feed (database, router stats, health probes) ticks on. Ticks
 * are spaced from the end of the previous one, so a slow sample or a timeout delays the next tick
 * instead of queueing a burst; a tick that throws is logged and the schedule goes on.
 */
public final class FeedTicker {

    private static final Logger LOG = LoggerFactory.getLogger(FeedTicker.class);

    private final String threadName;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public FeedTicker(String threadName, Duration interval) {
        this.threadName = threadName;
        this.interval = interval;
    }

    /** Starts ticking now; a no-op while already running. */
    public synchronized void start(Runnable tick) {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                tick.run();
            } catch (RuntimeException e) {
                LOG.warn("{}: tick failed: {}", threadName, e.toString(), e);
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public synchronized boolean running() {
        return executor != null;
    }

    /**
     * Stops ticking and waits up to {@code grace} for a tick in progress to end (so its owner may
     * then close what the tick uses). Returns false when the tick did not end in time.
     */
    public boolean stop(Duration grace) {
        ScheduledExecutorService ex;
        synchronized (this) {
            ex = executor;
            executor = null;
        }
        if (ex == null) {
            return true;
        }
        ex.shutdownNow();
        try {
            return ex.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
