package io.turnout.plan;

import io.turnout.plan.JournalEntry.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Undoes applied steps from {@code top} down, stopping above the last completed point of no return.
 * A compensation that fails is journaled and logged and the earlier steps are still undone: leaving
 * one thing for the operator to fix beats leaving everything half way.
 */
final class Compensation {

    private static final Logger log = LoggerFactory.getLogger(Compensation.class);

    /** @param undone indices compensated, in the order done; @param failures index → sentence */
    record Outcome(List<Integer> undone, Map<Integer, String> failures) {
    }

    private final Plan plan;
    private final String runId;
    private final RunJournal journal;
    private final PlanListener listener;
    private final Clock clock;
    private boolean interrupted;

    Compensation(Plan plan, String runId, RunJournal journal, PlanListener listener, Clock clock) {
        this.plan = plan;
        this.runId = runId;
        this.journal = journal;
        this.listener = listener;
        this.clock = clock;
    }

    /**
     * The highest index in {@code 0..below-1} whose step completed and is a point of no return, or -1.
     * Compensation never goes down to it: what it did (e.g. remove the old color) cannot be restored.
     */
    int pointOfNoReturnBelow(int below, StepStatus[] statuses) {
        for (int i = below - 1; i >= 0; i--) {
            if (statuses[i] == StepStatus.DONE && plan.steps().get(i).pointOfNoReturn()) {
                return i;
            }
        }
        return -1;
    }

    /** Compensates {@code top} down to {@code floor + 1}, updating {@code statuses}; journals COMPENSATING first. */
    Outcome undo(int top, int floor, StepStatus[] statuses) {
        List<Integer> undone = new ArrayList<>();
        Map<Integer, String> failures = new LinkedHashMap<>();
        if (top <= floor) {
            return new Outcome(undone, failures);
        }
        journal.recordQuietly(Event.COMPENSATING, -1, null,
                "Undoing steps " + (top + 1) + " down to " + (floor + 2));
        for (int i = top; i > floor; i--) {
            String failure = undoOne(i);
            if (failure == null) {
                statuses[i] = StepStatus.COMPENSATED;
                undone.add(i);
            } else {
                statuses[i] = StepStatus.COMPENSATION_FAILED;
                failures.put(i, failure);
            }
        }
        return new Outcome(List.copyOf(undone), failures);
    }

    /** Whether the thread was interrupted while undoing (the flag is cleared so later undos still run). */
    boolean interrupted() {
        return interrupted;
    }

    private String undoOne(int index) {
        Step step = plan.steps().get(index);
        Instant started = clock.instant();
        listener.log(index, "Undoing: " + step.title());
        String failure = null;
        try {
            step.compensate(RunContext.undoing(runId, index, step, listener));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            failure = RunSentences.of(e);
            log.warn("Run {}: undoing step {} ({}) failed", runId, index + 1, step.id(), e);
        }
        // A second interrupt must not fail the remaining undos as well: note it, let the run restore it.
        interrupted |= Thread.interrupted();
        Duration took = Duration.between(started, clock.instant());
        if (failure == null) {
            journal.recordQuietly(Event.STEP_COMPENSATED, index, step.id(), null);
            listener.stepFinished(index, step, StepStatus.COMPENSATED, took, null);
        } else {
            journal.recordQuietly(Event.COMPENSATION_FAILED, index, step.id(), failure);
            listener.stepFinished(index, step, StepStatus.COMPENSATION_FAILED, took, failure);
        }
        return failure;
    }
}
