package io.turnout.timeline;

/**
 * Something that fills a target's {@link Timeline} while started (the router's traffic and health
 * feeds, the database activity sampler). A dashboard starts its sources when it becomes visible and
 * stops them when hidden; implementations count starts so several views can share one source.
 */
public interface TimelineSource {

    void start();

    void stop();

    TimelineSource NONE = new TimelineSource() {
        @Override public void start() { }
        @Override public void stop() { }
    };

    /** Starts and stops all of {@code sources} together, in order. */
    static TimelineSource all(java.util.List<TimelineSource> sources) {
        return new TimelineSource() {
            @Override public void start() { sources.forEach(TimelineSource::start); }
            @Override public void stop() { sources.forEach(TimelineSource::stop); }
        };
    }
}
