package io.turnout.connect;

import io.turnout.feed.Feed;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A feed that stands in for one that does not exist yet: it remembers whether it was started and
 * who listens, and hands both over to the real feed once {@link #attach attached}.
 */
final class ForwardingFeed<S> implements Feed<S> {

    private final S empty;
    private final CopyOnWriteArrayList<Consumer<? super S>> listeners = new CopyOnWriteArrayList<>();
    private Feed<S> delegate;          // guarded by this
    private Subscription forward;      // guarded by this
    private boolean started;           // guarded by this

    ForwardingFeed(S empty) {
        this.empty = empty;
    }

    synchronized void attach(Feed<S> real) {
        delegate = real;
        forward = real.subscribe(s -> listeners.forEach(l -> l.accept(s)));
        if (started) {
            real.start();
        }
    }

    @Override
    public synchronized S current() {
        return delegate == null ? empty : delegate.current();
    }

    @Override
    public Subscription subscribe(Consumer<? super S> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public synchronized void start() {
        started = true;
        if (delegate != null) {
            delegate.start();
        }
    }

    @Override
    public synchronized void stop() {
        started = false;
        if (delegate != null) {
            delegate.stop();
        }
    }

    synchronized void detach() {
        if (forward != null) {
            forward.close();
        }
    }
}
