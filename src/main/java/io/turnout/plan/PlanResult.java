package io.turnout.plan;

import java.time.Duration;
import java.util.List;

/**
 * How a run ended.
 *
 * @param failedStep index of the step that failed or was declined, -1 when none
 * @param error one sentence for the operator when it did not succeed
 * @param steps final status per step, in plan order
 */
public record PlanResult(String runId, Status status, int failedStep, String error, List<StepStatus> steps,
                         Duration took) {

    /** REFUSED: the run never started (the lock was held); nothing was applied or journaled. */
    public enum Status { SUCCEEDED, FAILED, ABORTED, STOPPED, REFUSED }

    public boolean succeeded() {
        return status == Status.SUCCEEDED;
    }
}
