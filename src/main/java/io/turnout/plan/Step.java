package io.turnout.plan;

import java.util.List;

/**
 * One step of a {@link Plan}. Steps are built together by a strategy and may share a plain
 * plan-scoped object for what one step learns and a later one needs (a container id, a port).
 * The executor calls precheck → apply → verify; on a later failure or an abort it calls
 * {@link #compensate} on every step that applied, in reverse order.
 */
public interface Step {

    /** Stable id written to the journal, e.g. {@code create-standby}; unique within a plan. */
    String id();

    /** What it does, in the operator's words: "Create green from blue's configuration with app:v2". */
    String title();

    /** Preview lines shown under the title before anything runs (router diff, containers affected). */
    default List<String> details() {
        return List.of();
    }

    /** Changes what users see (traffic, availability); front ends style it and gates may ask before it. */
    default boolean dangerous() {
        return false;
    }

    /** After this step, compensation no longer restores the previous state (e.g. old color removed). */
    default boolean pointOfNoReturn() {
        return false;
    }

    /** Read-only checks; a failure here stops the plan before this step changes anything. */
    default void precheck(StepContext ctx) throws Exception {
    }

    void apply(StepContext ctx) throws Exception;

    /** Proves the step took effect; a failure compensates like a failed apply. */
    default void verify(StepContext ctx) throws Exception {
    }

    /** Undoes {@link #apply}; must be safe to call when apply got only half way. */
    default void compensate(StepContext ctx) throws Exception {
    }
}
