package io.turnout.plan;

import java.time.Duration;

/** What a running step may tell the executor (and through it the journal, the GUI and the CLI). */
public interface StepContext {

    /** One line for the operator; secrets must already be masked. */
    void log(String line);

    /** A typed result for front ends that show more than text (e.g. a live {@code ProbeReport}). */
    void detail(Object detail);

    /** Progress of this step, 0..1, or negative when unknown. */
    void progress(double fraction);

    /**
     * Throws {@link PlanAbortedException} when the operator aborted; long waits (health gates)
     * call this between polls so an abort takes effect promptly.
     */
    void checkAborted();

    /**
     * Waits up to {@code timeout} for the operator to abort, returning early if they do; the
     * one blocking wait steps use between polls, so "wait 2 s" never outlives an abort.
     */
    void pause(Duration timeout);
}
