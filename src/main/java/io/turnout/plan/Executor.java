package io.turnout.plan;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * The one executor every plan runs through (upgrade, switch, rollback, migration, canary; GUI and
 * CLI alike). It runs on the caller's thread; front ends choose which thread that is. Another
 * thread steers it through {@link ExecutionControl} (pause, resume, abort), which is safe to call at
 * any moment, also while a step is in the middle of applying.
 *
 * <h2>A run</h2>
 * <ol>
 *   <li>{@link PlanLock#acquire} with the run id and the plan's title. If someone else holds the lock
 *       the result is FAILED with the lock's own sentence (it names the holder), and <em>nothing is
 *       journaled</em>: the journal belongs to whoever holds the lock, and an interrupted run we meant
 *       to resume must stay resumable.</li>
 *   <li>PLAN_STARTED with the plan's params (enough to build the same plan again elsewhere).</li>
 *   <li>For each step from {@link RunOptions#startAt()}: wait while paused; stop if aborted; for a
 *       {@link Step#dangerous() dangerous} step ask the {@link Gate} (no, or a gate that throws →
 *       PLAN_STOPPED, result STOPPED, nothing compensated); STEP_STARTED (durable before anything
 *       changes); precheck → apply → verify; STEP_DONE.</li>
 *   <li>PLAN_SUCCEEDED; the lock is released on every path.</li>
 * </ol>
 *
 * <h2>Failure, abort and compensation</h2>
 * A step that throws, or an abort (from the control, a step's {@link PlanAbortedException}, or an
 * interrupt of the executor's thread), journals STEP_FAILED with one sentence, then COMPENSATING,
 * then undoes in reverse order, one STEP_COMPENSATED or COMPENSATION_FAILED per step, and ends with
 * PLAN_FAILED or PLAN_ABORTED. Which steps are undone:
 * <ul>
 *   <li>the failed step itself only if its precheck passed (apply may have got half way); a failed
 *       precheck changed nothing, so only the steps before it are undone;</li>
 *   <li>every earlier applied step, including those before {@code startAt} when resuming;</li>
 *   <li>a failing compensation is logged and journaled and the earlier ones still run;</li>
 *   <li><b>point of no return:</b> once a {@link Step#pointOfNoReturn()} step has completed, compensation
 *       stops above it: that step and every earlier one are kept as they are (what it did, such as
 *       removing the old color, cannot be restored). The result's error then says "it came after the
 *       point of no return at step N (…)" and either "so nothing was undone" or which steps were.</li>
 * </ul>
 * A step that fails while an abort is pending ends ABORTED (the failure is most likely the abort's
 * effect; STEP_FAILED keeps the step's own message). An abort that arrives while the last step runs,
 * and that step completes anyway, still undoes the run: the operator asked for it before the end.
 * Compensation itself cannot be aborted; an interrupt is noted, the thread's flag is cleared so the
 * undo can do I/O, and set again before the method returns.
 *
 * <p>Operator sentences number steps from 1; indices in {@link PlanResult}, {@link PlanListener}
 * and the journal are 0-based.
 */
public final class Executor {

    private static final Logger log = LoggerFactory.getLogger(Executor.class);

    private final Clock clock;

    public Executor(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Runs {@code plan} from {@code o.startAt()}; see the class comment for the lifecycle. */
    public PlanResult run(Plan plan, RunOptions o) {
        int count = plan.steps().size();
        if (o.startAt() < 0 || o.startAt() > count) {
            throw new IllegalArgumentException("startAt " + o.startAt() + " is outside the plan's " + count + " steps");
        }
        return underLock(plan, o, plan.title(), o.startAt(),
                PlanRun::execute);
    }

    /**
     * Compensates steps {@code appliedThrough..0} in reverse, for a run whose console died (its
     * journal has no terminal entry). Steps below {@code appliedThrough} are taken as completed, the
     * one at it as possibly half applied (compensate must be safe then). Pass the interrupted run's id
     * in {@code o} so the entries continue its journal: COMPENSATING, one entry per step, then
     * PLAN_ABORTED (everything undone; result ABORTED) or PLAN_FAILED (some undo failed; result
     * FAILED). A completed point-of-no-return step below {@code appliedThrough} bounds the undo as in
     * a run. Nothing is re-applied, no gate is asked and the control's abort is not consulted.
     *
     * @param appliedThrough the step the run was in; -1 to only close the journal
     */
    public PlanResult rollBack(Plan plan, RunOptions o, int appliedThrough) {
        int count = plan.steps().size();
        if (appliedThrough < -1 || appliedThrough >= count) {
            throw new IllegalArgumentException("appliedThrough " + appliedThrough + " is outside the plan's " + count + " steps");
        }
        return underLock(plan, o, "Roll back: " + plan.title(), appliedThrough + 1,
                run -> run.rollBack(appliedThrough));
    }

    private PlanResult underLock(Plan plan, RunOptions o, String reason, int doneBelow,
                                 java.util.function.Function<PlanRun, PlanResult> body) {
        Instant started = clock.instant();
        PlanListener listener = new GuardedListener(o.listener());
        try {
            o.lock().acquire(o.runId(), reason);
        } catch (RuntimeException e) {
            log.info("Run {} not started: {}", o.runId(), e.getMessage());
            return refused(o, plan, listener, started, doneBelow, e);
        }
        try {
            return body.apply(new PlanRun(plan, o, clock, listener, started, doneBelow));
        } finally {
            release(o);
        }
    }

    private PlanResult refused(RunOptions o, Plan plan, PlanListener listener, Instant started, int doneBelow,
                               RuntimeException e) {
        String error = e.getMessage() == null || e.getMessage().isBlank()
                ? "Could not take the lock: " + RunSentences.of(e) + "." : e.getMessage();
        PlanResult result = new PlanResult(o.runId(), PlanResult.Status.REFUSED, -1, error,
                Arrays.asList(PlanRun.initialStatuses(plan.steps().size(), doneBelow)),
                Duration.between(started, clock.instant()));
        listener.planFinished(result);
        return result;
    }

    private static void release(RunOptions o) {
        try {
            o.lock().release();
        } catch (RuntimeException e) {
            // The run's outcome stands; a lock left behind is named by the next acquire and can be forced.
            log.error("Run {}: could not release the lock", o.runId(), e);
        }
    }
}
