package io.turnout.ui.common;

import io.turnout.feed.Feed;

/**
 * Lets several views use one feed: the underlying feed starts with the first {@link #start()} and
 * stops with the last matching {@link #stop()}, so hiding one view does not starve another.
 */
public final class SharedFeed<S> implements Feed<S> {

    private final Feed<S> delegate;
    private int users;

    public SharedFeed(Feed<S> delegate) {
        this.delegate = delegate;
    }

    @Override
    public S current() {
        return delegate.current();
    }

    @Override
    public Subscription subscribe(java.util.function.Consumer<? super S> listener) {
        return delegate.subscribe(listener);
    }

    @Override
    public synchronized void start() {
        if (users++ == 0) {
            delegate.start();
        }
    }

    @Override
    public synchronized void stop() {
        if (users > 0 && --users == 0) {
            delegate.stop();
        }
    }
}
