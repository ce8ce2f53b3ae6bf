package io.turnout.plan;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The {@link StepContext} the executor hands to one step. Safe to call from any thread (a step may
 * publish details from its own worker), although listeners then hear from that thread.
 *
 * <p>While a step is applied, {@link #pause} ends early on abort and {@link #checkAborted} throws.
 * While it is <em>compensated</em> the abort has already happened, so neither reacts to it: an undo
 * that waits for the old color to turn healthy again must really wait.
 */
final class RunContext implements StepContext {

    private static final Logger log = LoggerFactory.getLogger(RunContext.class);

    private final String runId;
    private final int index;
    private final Step step;
    private final PlanListener listener;
    private final ExecutionControl control;
    private final boolean undoing;

    private RunContext(String runId, int index, Step step, PlanListener listener, ExecutionControl control,
                       boolean undoing) {
        this.runId = runId;
        this.index = index;
        this.step = step;
        this.listener = listener;
        this.control = control;
        this.undoing = undoing;
    }

    static RunContext applying(String runId, int index, Step step, PlanListener listener, ExecutionControl control) {
        return new RunContext(runId, index, step, listener, control, false);
    }

    static RunContext undoing(String runId, int index, Step step, PlanListener listener) {
        return new RunContext(runId, index, step, listener, null, true);
    }

    @Override
    public void log(String line) {
        log.info("[{} step {} {}{}] {}", runId, index + 1, step.id(), undoing ? " undo" : "", line);
        listener.log(index, line);
    }

    @Override
    public void detail(Object detail) {
        listener.detail(index, detail);
    }

    @Override
    public void progress(double fraction) {
        listener.progress(index, fraction);
    }

    @Override
    public void checkAborted() {
        if (!undoing && control.aborted()) {
            throw new PlanAbortedException(control.abortReason());
        }
    }

    @Override
    public void pause(Duration timeout) {
        long millis = Math.max(0, timeout.toMillis());
        try {
            if (undoing) {
                TimeUnit.MILLISECONDS.sleep(millis);
            } else {
                control.sleepUnlessAborted(millis);
            }
        } catch (InterruptedException e) {
            // The executor notices the flag and treats it as an abort (or, while undoing, keeps going).
            Thread.currentThread().interrupt();
            if (!undoing) {
                throw new PlanAbortedException("the run was interrupted");
            }
        }
    }
}
