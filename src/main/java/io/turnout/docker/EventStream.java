package io.turnout.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.EventsCmd;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;

/**
 * One subscription to the engine's container events. Reports start, events and the end of the
 * stream to a {@link Listener}; {@link #close()} ends it quietly (no {@code onEnded}), while
 * {@link #cut()} drops the connection the way a network failure would (for tests and diagnostics).
 */
final class EventStream implements ResultCallback<Event> {

    /** Container actions that change what the live view shows. exec_* (health probes!) and attach are noise. */
    static final Set<String> ACTIONS = Set.of("create", "start", "die", "stop", "kill", "destroy", "health_status",
            "rename", "restart", "pause", "unpause", "oom", "update");

    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);

    interface Listener {
        void onStarted();

        void onEvent(Event event);

        void onEnded(Throwable cause);
    }

    private final Listener listener;
    private volatile Closeable response;
    private volatile boolean closed;

    private EventStream(Listener listener) {
        this.listener = listener;
    }

    /** Opens the stream; {@code since} replays events from that Docker time on (null: from now). */
    static EventStream open(DockerClient streaming, Instant since, Listener listener) {
        EventStream stream = new EventStream(listener);
        EventsCmd cmd = streaming.eventsCmd()
                .withEventTypeFilter(EventType.CONTAINER)
                .withEventFilter(ACTIONS.toArray(String[]::new));
        if (since != null) {
            cmd.withSince(DockerTime.sinceParam(since));
        }
        cmd.exec(stream);
        return stream;
    }

    static String action(Event e) {
        String a = e.getAction() != null ? e.getAction() : e.getStatus();
        if (a == null) {
            return "";
        }
        int colon = a.indexOf(':');
        return colon < 0 ? a : a.substring(0, colon); // "health_status: healthy"
    }

    static boolean relevant(Event e) {
        return (e.getType() == null || e.getType() == EventType.CONTAINER) && ACTIONS.contains(action(e));
    }

    static Instant time(Event e) {
        if (e.getTimeNano() != null && e.getTimeNano() > 0) {
            long n = e.getTimeNano();
            return Instant.ofEpochSecond(n / 1_000_000_000L, n % 1_000_000_000L);
        }
        return e.getTime() == null ? null : Instant.ofEpochSecond(e.getTime());
    }

    @Override
    public void onStart(Closeable stream) {
        this.response = stream;
        if (closed) {
            closeQuietly(stream);
            return;
        }
        listener.onStarted();
    }

    @Override
    public void onNext(Event event) {
        if (!closed) {
            listener.onEvent(event);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        if (!closed) {
            closed = true;
            listener.onEnded(throwable);
        }
    }

    @Override
    public void onComplete() {
        if (!closed) {
            closed = true;
            listener.onEnded(null);
        }
    }

    /** Ends the stream on purpose; the listener hears nothing more. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(response);
    }

    /** Drops the underlying connection without marking the stream closed: the listener sees it end. */
    void cut() {
        closeQuietly(response);
    }

    private static void closeQuietly(Closeable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing event stream: {}", e.toString());
        }
    }
}
