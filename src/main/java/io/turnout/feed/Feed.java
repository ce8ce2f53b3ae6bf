package io.turnout.feed;

import java.util.function.Consumer;

/**
 * A live source that keeps its cache off the UI thread and hands out immutable snapshots, at most
 * one per tick. Front ends (GUI, CLI) only ever read snapshots; they never see raw events.
 */
public interface Feed<S> extends AutoCloseable {

    /** The latest snapshot; never null once started (an empty snapshot before the first sync). */
    S current();

    /** Called on the feed's own thread with each new snapshot; the GUI hops to the FX thread once per call. */
    Subscription subscribe(Consumer<? super S> listener);

    void start();

    /** Stops watching (e.g. the view is hidden); {@link #start()} resumes with a full resync. */
    void stop();

    @Override
    default void close() {
        stop();
    }

    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
