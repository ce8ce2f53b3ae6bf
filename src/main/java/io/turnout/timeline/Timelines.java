package io.turnout.timeline;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link Timeline} per target id, created on first use and kept for the console's lifetime. */
public final class Timelines {

    private final Clock clock;
    private final Map<String, Timeline> byTarget = new ConcurrentHashMap<>();

    public Timelines(Clock clock) {
        this.clock = clock;
    }

    public Timeline of(String targetId) {
        return byTarget.computeIfAbsent(targetId, id -> new Timeline(clock));
    }
}
