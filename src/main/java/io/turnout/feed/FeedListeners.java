package io.turnout.feed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A feed's subscribers: each snapshot goes to every one of them; one listener's bug does not starve the others. */
public final class FeedListeners<S> {

    private static final Logger LOG = LoggerFactory.getLogger(FeedListeners.class);

    private final CopyOnWriteArrayList<Consumer<? super S>> listeners = new CopyOnWriteArrayList<>();

    public Feed.Subscription add(Consumer<? super S> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void publish(S snapshot) {
        for (Consumer<? super S> l : listeners) {
            try {
                l.accept(snapshot);
            } catch (RuntimeException e) {
                LOG.warn("A feed listener failed: {}", e.toString(), e);
            }
        }
    }
}
