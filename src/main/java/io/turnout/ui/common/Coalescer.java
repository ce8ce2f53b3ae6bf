package io.turnout.ui.common;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands the latest value offered from any thread to a consumer on another executor (the FX
 * thread), keeping at most one hand-over in flight: values offered meanwhile replace each other,
 * so a burst of snapshots costs one UI update.
 */
public final class Coalescer<T> {

    private final Executor target;
    private final Consumer<? super T> consumer;
    private final AtomicReference<T> latest = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public Coalescer(Executor target, Consumer<? super T> consumer) {
        this.target = target;
        this.consumer = consumer;
    }

    public void offer(T value) {
        latest.set(value);
        if (scheduled.compareAndSet(false, true)) {
            target.execute(this::drain);
        }
    }

    /** Forgets a value not yet handed over (e.g. the view was hidden meanwhile). */
    public void clear() {
        latest.set(null);
    }

    private void drain() {
        scheduled.set(false);
        T value = latest.getAndSet(null);
        if (value != null) {
            consumer.accept(value);
        }
    }
}
