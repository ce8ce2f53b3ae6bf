package io.turnout.plan;

import java.time.Duration;
import java.util.List;

/**
 * Hands every callback to several listeners in order, e.g. the GUI's run view and the target's
 * timeline markers. The executor guards the whole tee; one listener's exception must not starve the
 * next, so each call is guarded here too.
 */
public final class TeeListener implements PlanListener {

    private final List<PlanListener> listeners;

    private TeeListener(List<PlanListener> listeners) {
        this.listeners = listeners;
    }

    public static PlanListener of(PlanListener... listeners) {
        List<PlanListener> real = java.util.Arrays.stream(listeners).filter(l -> l != null && l != PlanListener.NONE)
                .map(GuardedListener::new).map(PlanListener.class::cast).toList();
        return real.isEmpty() ? PlanListener.NONE : new TeeListener(real);
    }

    @Override
    public void stepStarted(int index, Step step) {
        listeners.forEach(l -> l.stepStarted(index, step));
    }

    @Override
    public void log(int index, String line) {
        listeners.forEach(l -> l.log(index, line));
    }

    @Override
    public void progress(int index, double fraction) {
        listeners.forEach(l -> l.progress(index, fraction));
    }

    @Override
    public void detail(int index, Object detail) {
        listeners.forEach(l -> l.detail(index, detail));
    }

    @Override
    public void stepFinished(int index, Step step, StepStatus status, Duration took, String error) {
        listeners.forEach(l -> l.stepFinished(index, step, status, took, error));
    }

    @Override
    public void planFinished(PlanResult result) {
        listeners.forEach(l -> l.planFinished(result));
    }
}
