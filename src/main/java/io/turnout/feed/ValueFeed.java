package io.turnout.feed;

import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The simplest feed: one current value, pushed by its owner (e.g. a connection publishing its
 * {@link io.turnout.target.ConnectionState}). Listeners run on the publisher's thread and must
 * not block; equal consecutive values are not re-published.
 */
public final class ValueFeed<T> implements Feed<T> {

    private final CopyOnWriteArrayList<Consumer<? super T>> listeners = new CopyOnWriteArrayList<>();
    private volatile T value;

    public ValueFeed(T initial) {
        this.value = Objects.requireNonNull(initial);
    }

    public void publish(T next) {
        Objects.requireNonNull(next);
        synchronized (this) {
            if (next.equals(value)) {
                return;
            }
            value = next;
        }
        for (Consumer<? super T> l : listeners) {
            l.accept(next);
        }
    }

    @Override
    public T current() {
        return value;
    }

    @Override
    public Subscription subscribe(Consumer<? super T> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void start() {
        // pushed by its owner; nothing to start
    }

    @Override
    public void stop() {
        // pushed by its owner; nothing to stop
    }
}
