package io.turnout.plan;

import java.time.Instant;
import java.util.Map;

/**
 * One journaled transition of a plan run (one JSON line on the target).
 *
 * @param runId the plan run (also the release id and the journal's file name)
 * @param step index of the step, -1 for plan-level events
 * @param params the plan's params, on {@link Event#PLAN_STARTED} only (else empty)
 */
public record JournalEntry(Instant at, String runId, String planKind, Event event, int step, String stepId,
                           String message, Map<String, String> params) {

    public enum Event {
        PLAN_STARTED, STEP_STARTED, STEP_DONE, STEP_FAILED, COMPENSATING, STEP_COMPENSATED, COMPENSATION_FAILED,
        PLAN_SUCCEEDED, PLAN_FAILED, PLAN_ABORTED, PLAN_STOPPED;

        /** A run whose last entry is not terminal was interrupted (console killed, connection lost). */
        public boolean terminal() {
            return this == PLAN_SUCCEEDED || this == PLAN_FAILED || this == PLAN_ABORTED || this == PLAN_STOPPED;
        }
    }
}
