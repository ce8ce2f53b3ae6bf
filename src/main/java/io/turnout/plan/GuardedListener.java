package io.turnout.plan;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Wraps a front end's listener so that a bug in showing progress can never stop a run half way or
 * keep it from compensating: every callback's exception is logged and dropped.
 */
final class GuardedListener implements PlanListener {

    private static final Logger log = LoggerFactory.getLogger(GuardedListener.class);

    private final PlanListener delegate;

    GuardedListener(PlanListener delegate) {
        this.delegate = delegate;
    }

    @Override
    public void stepStarted(int index, Step step) {
        guard("stepStarted", () -> delegate.stepStarted(index, step));
    }

    @Override
    public void log(int index, String line) {
        guard("log", () -> delegate.log(index, line));
    }

    @Override
    public void progress(int index, double fraction) {
        guard("progress", () -> delegate.progress(index, fraction));
    }

    @Override
    public void detail(int index, Object detail) {
        guard("detail", () -> delegate.detail(index, detail));
    }

    @Override
    public void stepFinished(int index, Step step, StepStatus status, Duration took, String error) {
        guard("stepFinished", () -> delegate.stepFinished(index, step, status, took, error));
    }

    @Override
    public void planFinished(PlanResult result) {
        guard("planFinished", () -> delegate.planFinished(result));
    }

    private static void guard(String callback, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.warn("Plan listener failed in {}; the run goes on", callback, e);
        }
    }
}
