package io.turnout.ui.stack.run;

import io.turnout.activity.Operation;
import io.turnout.plan.PlanListener;
import io.turnout.plan.PlanResult;
import io.turnout.plan.Step;
import io.turnout.plan.StepStatus;
import io.turnout.ui.common.Batcher;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The GUI's {@link PlanListener}: called on the executor's thread, it queues each callback and hands
 * them to the FX thread as one batch per pulse (never one {@code runLater} per log line or probe
 * tick), and reports to the activity drawer's {@link Operation} directly (which is thread-safe).
 */
final class PlanEvents implements PlanListener {

    private final Batcher<RunEvent> batcher;
    private final Operation activity;
    private final int stepCount;
    private final AtomicInteger finished = new AtomicInteger();

    /** @param stepCount steps in the plan, or 0 when unknown (a resumed run): activity progress is indeterminate */
    PlanEvents(Executor fx, Consumer<List<RunEvent>> onFx, Operation activity, int stepCount) {
        this.batcher = new Batcher<>(fx, onFx);
        this.activity = activity;
        this.stepCount = stepCount;
    }

    @Override
    public void stepStarted(int index, Step step) {
        StepPreview preview = StepPreview.of(step);
        batcher.add(new RunEvent.Started(index, preview));
        activity.log("Step " + (index + 1) + ": " + preview.title());
    }

    @Override
    public void log(int index, String line) {
        batcher.add(new RunEvent.Log(index, line));
        activity.log("  " + line);
    }

    @Override
    public void progress(int index, double fraction) {
        batcher.add(new RunEvent.Progress(index, fraction));
    }

    @Override
    public void detail(int index, Object detail) {
        batcher.add(new RunEvent.Detail(index, detail));
    }

    @Override
    public void stepFinished(int index, Step step, StepStatus status, Duration took, String error) {
        batcher.add(new RunEvent.Finished(index, StepPreview.title(step), status, took, error));
        if (status == StepStatus.DONE || status == StepStatus.SKIPPED) {
            activity.progress(stepCount <= 0 ? -1 : (double) finished.incrementAndGet() / stepCount);
        }
        if (error != null) {
            activity.log("  " + status.name().toLowerCase(java.util.Locale.ROOT) + ": " + error);
        }
    }

    @Override
    public void planFinished(PlanResult result) {
        batcher.add(new RunEvent.PlanDone(result));
    }
}
