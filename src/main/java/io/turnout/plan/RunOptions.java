package io.turnout.plan;

import java.util.Objects;

/**
 * How one run of a plan is executed.
 *
 * @param runId the run's id (release id, journal file name)
 * @param startAt index of the first step to apply: 0 normally; when resuming an interrupted run, the
 *                step it was interrupted in (steps before it are taken as done and are still
 *                compensated on a later failure)
 */
public record RunOptions(String runId, Journal journal, PlanLock lock, Gate gate, PlanListener listener,
                         ExecutionControl control, int startAt) {
    public RunOptions {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(control, "control");
    }

    public static RunOptions simple(String runId) {
        return new RunOptions(runId, Journal.inMemory(), PlanLock.NONE, Gate.AUTO, PlanListener.NONE,
                new ExecutionControl(), 0);
    }

    public RunOptions withJournal(Journal j) { return new RunOptions(runId, j, lock, gate, listener, control, startAt); }
    public RunOptions withLock(PlanLock l) { return new RunOptions(runId, journal, l, gate, listener, control, startAt); }
    public RunOptions withGate(Gate g) { return new RunOptions(runId, journal, lock, g, listener, control, startAt); }
    public RunOptions withListener(PlanListener l) { return new RunOptions(runId, journal, lock, gate, l, control, startAt); }
    public RunOptions withControl(ExecutionControl c) { return new RunOptions(runId, journal, lock, gate, listener, c, startAt); }
    public RunOptions withStartAt(int i) { return new RunOptions(runId, journal, lock, gate, listener, control, i); }
}
