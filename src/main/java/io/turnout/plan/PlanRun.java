package io.turnout.plan;

import io.turnout.plan.JournalEntry.Event;
import io.turnout.plan.PlanResult.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * One run of a plan, from PLAN_STARTED to its terminal entry, on the caller's thread. The lock is
 * the {@link Executor}'s business; everything between acquiring and releasing it is here.
 */
final class PlanRun {

    private static final Logger log = LoggerFactory.getLogger(PlanRun.class);

    /**
     * Why a step did not complete: the failure's sentence, or the abort's reason. {@code touched}: apply
     * may have started, so the step itself is undone too.
     */
    private record Failure(String reason, boolean aborted, boolean touched, Duration took) {
        String journalMessage() {
            return aborted ? "aborted: " + reason : reason;
        }
    }

    private final Plan plan;
    private final RunOptions options;
    private final Clock clock;
    private final PlanListener listener;
    private final ExecutionControl control;
    private final RunJournal journal;
    private final Compensation compensation;
    private final StepStatus[] statuses;
    private final Instant started;
    private boolean interrupted;

    PlanRun(Plan plan, RunOptions options, Clock clock, PlanListener listener, Instant started, int doneBelow) {
        this.plan = plan;
        this.options = options;
        this.clock = clock;
        this.listener = listener;
        this.control = options.control();
        this.started = started;
        this.journal = new RunJournal(options.journal(), clock, options.runId(), plan.kind());
        this.compensation = new Compensation(plan, options.runId(), journal, listener, clock);
        this.statuses = initialStatuses(plan.steps().size(), doneBelow);
    }

    static StepStatus[] initialStatuses(int steps, int doneBelow) {
        StepStatus[] s = new StepStatus[steps];
        Arrays.fill(s, StepStatus.PENDING);
        Arrays.fill(s, 0, doneBelow, StepStatus.DONE);
        return s;
    }

    PlanResult execute() {
        try {
            journal.planStarted(plan.title(), plan.params());
        } catch (RuntimeException e) {
            return end(Status.FAILED, -1, "Could not write the journal: " + RunSentences.of(e) + "; nothing was changed.");
        }
        int count = plan.steps().size();
        for (int i = options.startAt(); i < count; i++) {
            Step step = plan.steps().get(i);
            if (!awaitResumed(i)) {
                return undoAndEnd(Status.ABORTED, -1, i - 1, "Aborted before " + RunSentences.step(plan, i) + ": "
                        + control.abortReason());
            }
            if (step.dangerous() && !confirmed(i, step)) {
                return stopped(i);
            }
            Failure failure = attempt(i, step);
            if (failure != null) {
                return afterFailure(i, step, failure);
            }
        }
        if (control.aborted()) {
            // The abort came while the last step ran and that step ignored it: the operator still asked to undo.
            return undoAndEnd(Status.ABORTED, -1, count - 1, "Aborted after the last step: " + control.abortReason());
        }
        return end(Status.SUCCEEDED, -1, null);
    }

    /** Compensates steps {@code appliedThrough..0} of a run another console left without a terminal entry. */
    PlanResult rollBack(int appliedThrough) {
        String head = "Rolled back the interrupted run from " + (appliedThrough < 0 ? "its start"
                : RunSentences.step(plan, appliedThrough));
        int floor = compensation.pointOfNoReturnBelow(appliedThrough, statuses);
        Compensation.Outcome outcome = compensation.undo(appliedThrough, floor, statuses);
        interrupted |= compensation.interrupted();
        Status status = outcome.failures().isEmpty() ? Status.ABORTED : Status.FAILED;
        return end(status, -1, head + "; " + RunSentences.undone(plan, appliedThrough, floor, outcome) + ".");
    }

    /** Waits while paused; false when the run is to be aborted (operator or interrupt). */
    private boolean awaitResumed(int index) {
        noteInterrupt(Thread.interrupted());
        if (control.paused() && !control.aborted()) {
            listener.log(index, "Paused before " + RunSentences.step(plan, index) + "; resume to go on");
        }
        try {
            control.awaitNotPaused();
        } catch (InterruptedException e) {
            noteInterrupt(true);
        }
        return !control.aborted();
    }

    private boolean confirmed(int index, Step step) {
        try {
            return options.gate().confirm(step);
        } catch (RuntimeException e) {
            // A gate that cannot ask (no terminal, dialog closed) is a no, never a silent yes.
            log.warn("Run {}: the gate for step {} failed; stopping there", options.runId(), index + 1, e);
            return false;
        }
    }

    private PlanResult stopped(int index) {
        statuses[index] = StepStatus.SKIPPED;
        String error = "Stopped before " + RunSentences.step(plan, index)
                + ": not confirmed; the steps before it stay applied.";
        journal.recordQuietly(Event.PLAN_STOPPED, index, plan.steps().get(index).id(), error);
        return finish(Status.STOPPED, index, error);
    }

    /** precheck → apply → verify, each transition journaled; null when the step is DONE. */
    private Failure attempt(int index, Step step) {
        Instant stepStarted = clock.instant();
        boolean touched = false;
        statuses[index] = StepStatus.RUNNING;
        RunContext ctx = RunContext.applying(options.runId(), index, step, listener, control);
        try {
            // Durable before anything changes: a console killed inside apply leaves "started, not done".
            journal.record(Event.STEP_STARTED, index, step.id(), step.title());
            listener.stepStarted(index, step);
            ctx.checkAborted();
            step.precheck(ctx);
            touched = true;
            step.apply(ctx);
            step.verify(ctx);
            journal.record(Event.STEP_DONE, index, step.id(), null);
        } catch (Exception e) {
            noteInterrupt(e instanceof InterruptedException || Thread.interrupted());
            boolean aborted = e instanceof PlanAbortedException || control.aborted();
            if (!aborted) {
                log.warn("Run {}: step {} ({}) failed", options.runId(), index + 1, step.id(), e);
            }
            return new Failure(aborted ? abortReason(e) : RunSentences.of(e), aborted, touched, Duration.between(stepStarted, clock.instant()));
        }
        statuses[index] = StepStatus.DONE;
        listener.stepFinished(index, step, StepStatus.DONE, Duration.between(stepStarted, clock.instant()), null);
        return null;
    }

    private PlanResult afterFailure(int index, Step step, Failure failure) {
        statuses[index] = StepStatus.FAILED;
        journal.recordQuietly(Event.STEP_FAILED, index, step.id(), failure.journalMessage());
        listener.stepFinished(index, step, StepStatus.FAILED, failure.took(), failure.journalMessage());
        int top = failure.touched() ? index : index - 1;
        String where = RunSentences.step(plan, index);
        return failure.aborted()
                ? undoAndEnd(Status.ABORTED, index, top, "Aborted during " + where + ": " + failure.reason())
                : undoAndEnd(Status.FAILED, index, top, capitalized(where) + " failed: " + failure.reason());
    }

    private PlanResult undoAndEnd(Status status, int failedStep, int top, String head) {
        int floor = compensation.pointOfNoReturnBelow(top + 1, statuses);
        Compensation.Outcome outcome = compensation.undo(top, floor, statuses);
        interrupted |= compensation.interrupted();
        return end(status, failedStep, head + "; " + RunSentences.undone(plan, top, floor, outcome) + ".");
    }

    private PlanResult end(Status status, int failedStep, String error) {
        Event event = switch (status) {
            case SUCCEEDED -> Event.PLAN_SUCCEEDED;
            case FAILED -> Event.PLAN_FAILED;
            case ABORTED -> Event.PLAN_ABORTED;
            case STOPPED -> Event.PLAN_STOPPED;
            case REFUSED -> throw new IllegalStateException("a refused run never starts, so it never ends here");
        };
        journal.recordQuietly(event, -1, null, error);
        return finish(status, failedStep, error);
    }

    private PlanResult finish(Status status, int failedStep, String error) {
        if (interrupted) {
            Thread.currentThread().interrupt(); // the caller asked its thread to stop; it should still see that
        }
        PlanResult result = new PlanResult(options.runId(), status, failedStep, error, Arrays.asList(statuses.clone()),
                Duration.between(started, clock.instant()));
        log.info("Run {} ({}) ended {}{}", options.runId(), plan.kind(), status, error == null ? "" : ": " + error);
        listener.planFinished(result);
        return result;
    }

    /**
     * An interrupt of the executor's thread is an abort. The flag is cleared so that compensation can
     * still do blocking I/O, and set again before the run returns.
     */
    private void noteInterrupt(boolean wasInterrupted) {
        if (wasInterrupted) {
            interrupted = true;
            if (!control.aborted()) {
                control.abort("the run was interrupted");
            }
        }
    }

    private String abortReason(Exception e) {
        return control.aborted() ? control.abortReason() : RunSentences.of(e);
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
