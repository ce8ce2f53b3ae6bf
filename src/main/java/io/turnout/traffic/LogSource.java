package io.turnout.traffic;

import java.util.function.Consumer;

/** A router's access log, followed from now on: each new line goes to {@code lines} on the source's own thread. */
@FunctionalInterface
public interface LogSource {

    Following follow(Consumer<String> lines);

    /** A log being followed; it ends by itself when the container stops or is replaced. */
    interface Following extends AutoCloseable {
        boolean alive();

        @Override
        void close();
    }

    /** For routers whose log carries nothing the feed reads. */
    LogSource NONE = lines -> new Following() {
        @Override
        public boolean alive() {
            return true;
        }

        @Override
        public void close() {
            // nothing followed
        }
    };
}
