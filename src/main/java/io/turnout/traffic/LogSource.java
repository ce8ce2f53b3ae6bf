package io.turnout.traffic;

import java.util.function.Consumer;

/** A router's access log, followed from now on: each new line goes to {@code lines} on the source's own thread. */
@FunctionalInterface
public interface LogSource {

    /** @return stops following */
    AutoCloseable follow(Consumer<String> lines);

    /** For routers whose log carries nothing the feed reads. */
    LogSource NONE = lines -> () -> { };
}
