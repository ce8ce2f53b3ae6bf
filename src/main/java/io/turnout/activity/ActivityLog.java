package io.turnout.activity;

import io.turnout.feed.Feed;
import io.turnout.feed.ValueFeed;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Running and recently finished operations (deployments, switches, reconnects...). Workers report
 * through an {@link Operation} handle from any thread; readers get an immutable list, newest
 * first, through {@link #feed()}. Keeps at most {@code keepFinished} finished operations and
 * {@code keepLines} log lines per operation so a long session cannot grow without bound.
 */
public final class ActivityLog {

    public static final int DEFAULT_KEEP_FINISHED = 50;
    public static final int DEFAULT_KEEP_LINES = 500;

    private final Clock clock;
    private final int keepFinished;
    private final int keepLines;
    private final ValueFeed<List<OperationSnapshot>> feed = new ValueFeed<>(List.of());
    private final Map<Long, OperationSnapshot> operations = new LinkedHashMap<>();
    private long nextId = 1;

    public ActivityLog(Clock clock) {
        this(clock, DEFAULT_KEEP_FINISHED, DEFAULT_KEEP_LINES);
    }

    public ActivityLog(Clock clock, int keepFinished, int keepLines) {
        if (keepFinished < 0 || keepLines < 1) {
            throw new IllegalArgumentException("keepFinished must be >= 0 and keepLines >= 1");
        }
        this.clock = Objects.requireNonNull(clock);
        this.keepFinished = keepFinished;
        this.keepLines = keepLines;
    }

    /** Published on the thread that changed an operation; listeners must not block. */
    public Feed<List<OperationSnapshot>> feed() {
        return feed;
    }

    public Operation start(String title, String target) {
        Objects.requireNonNull(title, "title");
        long id;
        synchronized (this) {
            id = nextId++;
            operations.put(id, new OperationSnapshot(id, title, target, OperationStatus.RUNNING, -1,
                    List.of(), clock.instant(), null, null));
            trimFinished();
        }
        publish();
        return new Handle(id);
    }

    private void update(long id, java.util.function.UnaryOperator<OperationSnapshot> change) {
        synchronized (this) {
            OperationSnapshot current = operations.get(id);
            if (current == null || current.status().finished()) {
                return;
            }
            operations.put(id, change.apply(current));
            trimFinished();
        }
        publish();
    }

    private void trimFinished() {
        long finished = operations.values().stream().filter(o -> o.status().finished()).count();
        var it = operations.values().iterator();
        while (finished > keepFinished && it.hasNext()) {
            if (it.next().status().finished()) {
                it.remove();
                finished--;
            }
        }
    }

    /**
     * Copies and publishes under one lock so two workers cannot publish out of order; ValueFeed
     * drops a value equal to the current one. Listeners run under that lock and must not block.
     */
    private void publish() {
        synchronized (feed) {
            List<OperationSnapshot> newestFirst;
            synchronized (this) {
                newestFirst = new ArrayList<>(operations.values());
            }
            newestFirst.sort((a, b) -> Long.compare(b.id(), a.id()));
            feed.publish(List.copyOf(newestFirst));
        }
    }

    private List<String> appended(List<String> log, String line) {
        List<String> next = new ArrayList<>(log.size() + 1);
        next.addAll(log.size() >= keepLines ? log.subList(log.size() - keepLines + 1, log.size()) : log);
        next.add(line);
        return next;
    }

    private final class Handle implements Operation {
        private final long id;

        Handle(long id) {
            this.id = id;
        }

        @Override
        public long id() {
            return id;
        }

        @Override
        public void progress(double fraction) {
            double p = fraction < 0 ? -1 : Math.min(1, fraction);
            update(id, o -> new OperationSnapshot(o.id(), o.title(), o.target(), o.status(), p, o.log(),
                    o.startedAt(), null, null));
        }

        @Override
        public void log(String line) {
            update(id, o -> new OperationSnapshot(o.id(), o.title(), o.target(), o.status(), o.progress(),
                    appended(o.log(), Objects.requireNonNull(line)), o.startedAt(), null, null));
        }

        @Override
        public void succeed() {
            update(id, o -> new OperationSnapshot(o.id(), o.title(), o.target(), OperationStatus.SUCCEEDED, 1,
                    o.log(), o.startedAt(), clock.instant(), null));
        }

        @Override
        public void fail(String reason) {
            update(id, o -> new OperationSnapshot(o.id(), o.title(), o.target(), OperationStatus.FAILED,
                    o.progress(), o.log(), o.startedAt(), clock.instant(), Objects.requireNonNull(reason)));
        }
    }
}
