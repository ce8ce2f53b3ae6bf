package io.turnout.ui.common;

import io.turnout.feed.Feed;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Connects a {@link Feed} to a view: while started, the latest snapshot reaches {@code onFx} on
 * the FX thread, at most one hand-over in flight (a burst costs one update). Feeds publish on
 * their own threads; this is the only place their snapshots cross to the FX thread.
 */
public final class FxFeedBridge<S> {

    private final Feed<S> feed;
    private final Coalescer<S> coalescer;
    private Feed.Subscription subscription;
    private javafx.util.Subscription binding = javafx.util.Subscription.EMPTY;

    public FxFeedBridge(Feed<S> feed, Executor fxExecutor, Consumer<? super S> onFx) {
        this.feed = feed;
        this.coalescer = new Coalescer<>(fxExecutor, s -> {
            if (running()) {
                onFx.accept(s);
            }
        });
    }

    /** Runs the feed only while {@code node} is showing (see {@link Showing}). */
    public static <S> FxFeedBridge<S> whileShowing(Node node, Feed<S> feed, Consumer<? super S> onFx) {
        FxFeedBridge<S> bridge = new FxFeedBridge<>(feed, Platform::runLater, onFx);
        bridge.bindTo(Showing.of(node));
        return bridge;
    }

    /** Starts while {@code showing} is true, stops while false, until {@link #close()}. */
    public void bindTo(ObservableValue<Boolean> showing) {
        binding.unsubscribe();
        binding = showing.subscribe(shown -> {
            if (Boolean.TRUE.equals(shown)) {
                start();
            } else {
                stop();
            }
        });
    }

    public synchronized boolean running() {
        return subscription != null;
    }

    /** Subscribes, starts the feed and hands over its current snapshot right away. */
    public void start() {
        synchronized (this) {
            if (subscription != null) {
                return;
            }
            subscription = feed.subscribe(coalescer::offer);
        }
        feed.start();
        S current = feed.current();
        if (current != null) {
            coalescer.offer(current);
        }
    }

    /** For good: forgets the showing binding and stops (e.g. the host was removed). */
    public void close() {
        binding.unsubscribe();
        binding = javafx.util.Subscription.EMPTY;
        stop();
    }

    public void stop() {
        synchronized (this) {
            if (subscription == null) {
                return;
            }
            subscription.close();
            subscription = null;
        }
        coalescer.clear();
        feed.stop();
    }
}
