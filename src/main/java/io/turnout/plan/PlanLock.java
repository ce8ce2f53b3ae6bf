package io.turnout.plan;

/** The target's lock as the executor holds it for the whole run (a stack lock file, a Lease). */
public interface PlanLock {

    /** @throws RuntimeException naming the current holder when someone else holds it */
    void acquire(String runId, String reason);

    void release();

    PlanLock NONE = new PlanLock() {
        @Override public void acquire(String runId, String reason) { }
        @Override public void release() { }
    };
}
