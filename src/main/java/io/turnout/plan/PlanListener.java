package io.turnout.plan;

import java.time.Duration;

/** Progress of a run, called on the executor's thread; front ends hop to their own thread. */
public interface PlanListener {

    default void stepStarted(int index, Step step) { }

    default void log(int index, String line) { }

    default void progress(int index, double fraction) { }

    /** A typed result a step published (e.g. the switch probe's running {@code ProbeReport}). */
    default void detail(int index, Object detail) { }

    default void stepFinished(int index, Step step, StepStatus status, Duration took, String error) { }

    default void planFinished(PlanResult result) { }

    PlanListener NONE = new PlanListener() { };
}
