package io.turnout.plan;

/** The operator aborted the plan; the executor compensates what already applied. */
public final class PlanAbortedException extends RuntimeException {
    public PlanAbortedException(String message) {
        super(message);
    }
}
