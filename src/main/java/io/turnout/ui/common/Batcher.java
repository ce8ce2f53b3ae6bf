package io.turnout.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Collects items added from any thread (e.g. log lines) and delivers them as one list on the
 * target executor, with at most one delivery in flight: never one {@code runLater} per item.
 */
public final class Batcher<T> {

    private final Executor target;
    private final Consumer<List<T>> consumer;
    private final Queue<T> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public Batcher(Executor target, Consumer<List<T>> consumer) {
        this.target = target;
        this.consumer = consumer;
    }

    public void add(T item) {
        pending.add(item);
        if (scheduled.compareAndSet(false, true)) {
            target.execute(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        List<T> batch = new ArrayList<>();
        for (T item; (item = pending.poll()) != null; ) {
            batch.add(item);
        }
        if (!batch.isEmpty()) {
            consumer.accept(batch);
        }
    }
}
