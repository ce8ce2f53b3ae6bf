package io.turnout.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Event;
import io.turnout.feed.Feed;
import io.turnout.feed.ValueFeed;
import io.turnout.target.ConnectionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Live containers of one engine. On start: open the container event stream, then (once Docker has
 * accepted the subscription, so nothing falls in between) list and inspect everything. Events
 * re-inspect the affected container; destroy removes it. Snapshots are published on the feed
 * thread at most once per tick. When the stream ends unexpectedly the feed waits for the
 * connection to be {@link ConnectionState.Connected}, retries with backoff, then resumes the stream
 * with {@code since=} the last event time seen and resyncs fully.
 *
 * <p>All mutable state below is confined to the single feed thread.
 */
public final class ContainerFeed implements Feed<ContainerSnapshot> {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerFeed.class);

    /** Tuning knobs; {@link #defaults()} fits a console (≤ 100 ms from event to snapshot). */
    public record Settings(Duration tick, int inspectThreads, Duration firstBackoff, Duration maxBackoff,
                           int maxAttempts, Duration startTimeout) {
        public static Settings defaults() {
            return new Settings(Duration.ofMillis(50), 4, Duration.ofMillis(250), Duration.ofSeconds(15), 40,
                    Duration.ofSeconds(15));
        }
    }

    private final DockerClient streaming;
    private final Feed<ConnectionState> connection;
    private final Settings settings;
    private final String name;
    private final ScheduledExecutorService feedThread;
    private final ContainerInspector inspector;
    private final CopyOnWriteArrayList<Consumer<? super ContainerSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private final ContainerCache cache = new ContainerCache();

    /** Where the event stream is: the UI may show "live" or "reconnecting" next to the table. */
    public enum StreamState { STOPPED, CONNECTING, LIVE, WAITING_TO_RETRY }

    private final ValueFeed<StreamState> streamState = new ValueFeed<>(StreamState.STOPPED);
    private volatile ContainerSnapshot current = ContainerSnapshot.EMPTY;
    private volatile Instant lastEventAt;
    private volatile Duration lastEventLatency;
    private volatile Thread feedThreadRef;
    private volatile String lastSince;

    // feed-thread state
    private boolean running;
    private long epoch;
    private EventStream stream;
    private boolean publishPending;
    private int attempt;
    private ScheduledFuture<?> retry;
    private Subscription connectionSubscription;
    private boolean wasConnected;

    public ContainerFeed(DockerClient api, DockerClient streaming, Feed<ConnectionState> connection,
                         ContainerMapper mapper, Settings settings, String name) {
        this.streaming = streaming;
        this.connection = connection;
        this.settings = settings;
        this.name = name;
        ThreadFactory threads = Thread.ofPlatform().daemon().name("turnout-containers-" + name).factory();
        ScheduledThreadPoolExecutor ft = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = threads.newThread(r);
            feedThreadRef = t;
            return t;
        });
        ft.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        ft.setRemoveOnCancelPolicy(true);
        this.feedThread = ft;
        this.inspector = new ContainerInspector(api, mapper, settings.inspectThreads(), name);
    }

    @Override
    public ContainerSnapshot current() {
        return current;
    }

    @Override
    public Subscription subscribe(Consumer<? super ContainerSnapshot> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void start() {
        feedThread.execute(() -> {
            if (running) {
                return;
            }
            running = true;
            attempt = 0;
            wasConnected = connected();
            connectionSubscription = connection.subscribe(s -> onFeedThread(() -> onConnection(s)));
            connect();
        });
    }

    /** Closes the stream; returns once done (the feed thread never blocks, so this is quick). */
    @Override
    public void stop() {
        if (feedThread.isShutdown()) {
            return;
        }
        if (Thread.currentThread() == feedThreadRef) {
            halt(); // a listener stopping its own feed
            return;
        }
        Future<?> done = feedThread.submit(this::halt);
        try {
            done.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("[{}] stop did not complete cleanly: {}", name, e.toString());
        }
    }

    private void halt() {
        running = false;
        endStream();
        streamState.publish(StreamState.STOPPED);
        cancelRetry();
        if (connectionSubscription != null) {
            connectionSubscription.close();
            connectionSubscription = null;
        }
    }

    @Override
    public void close() {
        stop();
        feedThread.shutdown();
        inspector.close();
    }

    /** The Docker time of the newest event applied, or null before the first. */
    public Instant lastEventAt() {
        return lastEventAt;
    }

    /** The event stream's state, pushed on the feed thread. */
    public Feed<StreamState> streamState() {
        return streamState;
    }

    /** True while the event stream is open and Docker has accepted it. */
    public boolean live() {
        return streamState.current() == StreamState.LIVE;
    }

    /**
     * For the newest snapshot: how long after Docker stamped the newest event it was published
     * (includes clock skew between engine and workstation; exact for local engines).
     */
    public Duration lastEventLatency() {
        return lastEventLatency;
    }

    /** The {@code since=} the stream was last (re)opened with; null when it started from "now". */
    String lastSince() {
        return lastSince;
    }

    /** Drops the event stream's connection as a network failure would; the feed must recover by itself. */
    void cutStream() {
        feedThread.execute(() -> {
            if (stream != null) {
                stream.cut();
            }
        });
    }

    /** Hands work to the feed thread; after {@link #close()} late callbacks from docker-java are dropped. */
    private void onFeedThread(Runnable task) {
        try {
            feedThread.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.trace("[{}] feed closed; dropping a late callback", name);
        }
    }

    // ---- stream lifecycle (feed thread) -----------------------------------------------------------

    private void connect() {
        cancelRetry();
        endStream();
        long myEpoch = ++epoch;
        Instant since = lastEventAt;
        lastSince = since == null ? null : DockerTime.sinceParam(since);
        LOG.debug("[{}] opening event stream since={}", name, lastSince);
        streamState.publish(StreamState.CONNECTING);
        try {
            stream = EventStream.open(streaming, since, new EventStream.Listener() {
                @Override
                public void onStarted() {
                    onFeedThread(() -> streamStarted(myEpoch));
                }

                @Override
                public void onEvent(Event event) {
                    onFeedThread(() -> apply(myEpoch, event));
                }

                @Override
                public void onEnded(Throwable cause) {
                    onFeedThread(() -> streamEnded(myEpoch, cause));
                }
            });
        } catch (RuntimeException e) {
            streamEnded(myEpoch, e);
            return;
        }
        feedThread.schedule(() -> {
            if (myEpoch == epoch && running && !live()) {
                LOG.warn("[{}] event stream did not start within {}", name, settings.startTimeout());
                streamEnded(myEpoch, new IllegalStateException("event stream start timed out"));
            }
        }, settings.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void streamStarted(long myEpoch) {
        if (myEpoch != epoch || !running) {
            return;
        }
        streamState.publish(StreamState.LIVE);
        attempt = 0;
        resync(myEpoch);
    }

    private void streamEnded(long myEpoch, Throwable cause) {
        if (myEpoch != epoch || !running) {
            return;
        }
        LOG.info("[{}] event stream ended ({}); last event at {}", name,
                cause == null ? "closed by the engine" : cause.toString(), lastEventAt);
        endStream();
        scheduleRetry();
    }

    private void endStream() {
        epoch++;
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    private void scheduleRetry() {
        if (!running || retry != null) {
            return;
        }
        streamState.publish(StreamState.WAITING_TO_RETRY);
        if (attempt >= settings.maxAttempts()) {
            LOG.warn("[{}] gave up reconnecting after {} attempts; waiting for the connection to recover", name, attempt);
            return;
        }
        long delay = Math.min(settings.maxBackoff().toMillis(), settings.firstBackoff().toMillis() << Math.min(attempt, 16));
        attempt++;
        retry = feedThread.schedule(() -> {
            retry = null;
            if (!running || stream != null) {
                return;
            }
            if (!connected()) {
                LOG.debug("[{}] connection is {}; waiting for it before reconnecting", name, connection.current().describe());
                scheduleRetry();
                return;
            }
            connect();
        }, delay, TimeUnit.MILLISECONDS);
    }

    private void cancelRetry() {
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
    }

    private void onConnection(ConnectionState state) {
        boolean now = state instanceof ConnectionState.Connected;
        boolean rising = now && !wasConnected;
        wasConnected = now;
        if (rising && running && stream == null) {
            LOG.info("[{}] connection is back; resuming the event stream", name);
            attempt = 0;
            connect();
        }
    }

    private boolean connected() {
        return connection.current() instanceof ConnectionState.Connected;
    }

    // ---- cache maintenance (feed thread) ----------------------------------------------------------

    private void apply(long myEpoch, Event event) {
        if (myEpoch != epoch || !EventStream.relevant(event)) {
            return;
        }
        Instant t = EventStream.time(event);
        if (t != null && (lastEventAt == null || t.isAfter(lastEventAt))) {
            lastEventAt = t;
        }
        String id = event.getId() != null ? event.getId() : event.getActor() == null ? null : event.getActor().getId();
        if (id == null) {
            return;
        }
        if ("destroy".equals(EventStream.action(event))) {
            if (cache.remove(id)) {
                schedulePublish();
            }
            return;
        }
        long generation = cache.touch(id);
        inspector.row(id).whenCompleteAsync((row, err) -> {
            if (err != null) {
                LOG.debug("[{}] inspect {} after {} failed: {}", name, id, EventStream.action(event), err.toString());
            } else if (cache.applyInspect(id, generation, row.orElse(null))) {
                schedulePublish();
            }
        }, feedThread);
    }

    private void resync(long myEpoch) {
        long mark = cache.beginResync();
        inspector.all().whenCompleteAsync((fresh, err) -> {
            if (myEpoch != epoch || !running) {
                return;
            }
            if (err != null) {
                LOG.warn("[{}] resync failed: {}", name, err.toString());
                endStream();
                scheduleRetry();
            } else if (cache.applyResync(mark, fresh) || current.seq() == 0) {
                schedulePublish();
            }
        }, feedThread);
    }

    private void schedulePublish() {
        if (publishPending) {
            return;
        }
        publishPending = true;
        feedThread.schedule(this::publish, settings.tick().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void publish() {
        publishPending = false;
        ContainerSnapshot next = new ContainerSnapshot(current.seq() + 1, Instant.now(),
                lastEventAt == null ? Instant.EPOCH : lastEventAt, cache.sortedRows());
        current = next;
        if (lastEventAt != null) {
            lastEventLatency = Duration.between(lastEventAt, next.takenAt());
        }
        for (Consumer<? super ContainerSnapshot> l : listeners) {
            try {
                l.accept(next);
            } catch (RuntimeException e) {
                LOG.warn("[{}] snapshot listener failed", name, e);
            }
        }
    }
}
