package io.turnout.docker;

import com.github.dockerjava.api.DockerClient;
import io.turnout.feed.Feed;
import io.turnout.feed.ValueFeed;
import io.turnout.target.ConnectionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Connection state for engines reached directly (unix socket, tcp): pings every {@code interval}
 * and publishes Connected with the round trip, Reconnecting while pings fail, and Failed after
 * {@code failAfter} failures in a row (pinging continues, so it recovers by itself).
 */
public final class PingConnection implements Feed<ConnectionState> {

    private static final Logger LOG = LoggerFactory.getLogger(PingConnection.class);

    private final DockerClient api;
    private final Duration interval;
    private final int failAfter;
    private final String name;
    private final ValueFeed<ConnectionState> state = new ValueFeed<>(new ConnectionState.Disconnected());
    private final ScheduledThreadPoolExecutor timer;
    private ScheduledFuture<?> task;
    private final AtomicInteger failures = new AtomicInteger();

    public PingConnection(DockerClient api, Duration interval, int failAfter, String name) {
        this.api = api;
        this.interval = interval;
        this.failAfter = failAfter;
        this.name = name;
        this.timer = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().daemon().name("turnout-ping-" + name).factory());
        this.timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public ConnectionState current() {
        return state.current();
    }

    @Override
    public Subscription subscribe(Consumer<? super ConnectionState> listener) {
        return state.subscribe(listener);
    }

    @Override
    public synchronized void start() {
        if (task == null && !timer.isShutdown()) {
            state.publish(new ConnectionState.Connecting());
            task = timer.scheduleWithFixedDelay(this::ping, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
        state.publish(new ConnectionState.Disconnected());
    }

    @Override
    public void close() {
        stop();
        timer.shutdownNow();
    }

    /** One ping now, on the caller's thread; also what the timer runs. */
    public ConnectionState ping() {
        long t0 = System.nanoTime();
        ConnectionState next;
        try {
            api.pingCmd().exec();
            failures.set(0);
            next = new ConnectionState.Connected(Duration.ofMillis((System.nanoTime() - t0) / 1_000_000));
        } catch (RuntimeException e) {
            int failed = failures.incrementAndGet();
            // our own sentences (e.g. a rejected TLS client certificate) as they are, else the cause's text
            String reason = e instanceof io.turnout.target.TargetException || e.getCause() == null
                    ? e.getMessage() : e.getCause().getMessage();
            LOG.debug("[{}] ping failed ({}): {}", name, failed, reason);
            next = failed >= failAfter ? new ConnectionState.Failed("Docker engine not answering: " + reason)
                    : new ConnectionState.Reconnecting(failed, reason == null ? e.getClass().getSimpleName() : reason);
        }
        state.publish(next);
        return next;
    }
}
