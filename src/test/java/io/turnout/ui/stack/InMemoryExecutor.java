package io.turnout.ui.stack;

import io.turnout.plan.Plan;
import io.turnout.plan.PlanResult;
import io.turnout.plan.RunOptions;
import io.turnout.plan.Step;
import io.turnout.plan.StepContext;
import io.turnout.plan.StepStatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The run loop of {@link InMemoryStackOperations} (a view-model test double, not the engine's
 * executor): gate before dangerous steps, listener callbacks, compensation in reverse on failure.
 */
final class InMemoryExecutor {

    /** A step of the double's plans: a body that changes the in-memory stack and an undo. */
    record FakeStep(String id, String title, List<String> details, boolean dangerous, boolean pointOfNoReturn,
                    Consumer<StepContext> body, Runnable undo) implements Step {
        @Override
        public void apply(StepContext ctx) {
            body.accept(ctx);
        }
    }

    private InMemoryExecutor() {
    }

    /** Steps apply while holding {@code state}'s monitor, as the double's other methods do; the gate waits without it. */
    static PlanResult run(Plan plan, RunOptions o, String runId, Object state, String failStep) {
        List<StepStatus> statuses = new ArrayList<>(plan.steps().stream().map(s -> StepStatus.PENDING).toList());
        PlanResult result = null;
        for (int i = o.startAt(); i < plan.steps().size() && result == null; i++) {
            Step step = plan.steps().get(i);
            if (step.dangerous() && !o.gate().confirm(step)) {
                result = new PlanResult(runId, PlanResult.Status.STOPPED, i, "declined", statuses, Duration.ofSeconds(1));
                break;
            }
            if (o.control().aborted()) {
                result = new PlanResult(runId, PlanResult.Status.ABORTED, i, o.control().abortReason(), statuses, Duration.ofSeconds(1));
                break;
            }
            o.listener().stepStarted(i, step);
            try {
                synchronized (state) {
                    if (step.id().equals(failStep)) {
                        throw new IllegalStateException(step.id() + " broke");
                    }
                    step.apply(new Context(o, i));
                }
                statuses.set(i, StepStatus.DONE);
                o.listener().stepFinished(i, step, StepStatus.DONE, Duration.ofMillis(1500), null);
            } catch (Exception e) {
                statuses.set(i, StepStatus.FAILED);
                o.listener().stepFinished(i, step, StepStatus.FAILED, Duration.ofMillis(1500), e.getMessage());
                for (int j = i - 1; j >= 0; j--) {
                    ((FakeStep) plan.steps().get(j)).undo().run();
                    statuses.set(j, StepStatus.COMPENSATED);
                }
                result = new PlanResult(runId, PlanResult.Status.FAILED, i, e.getMessage(), statuses, Duration.ofSeconds(2));
            }
        }
        if (result == null) {
            result = new PlanResult(runId, PlanResult.Status.SUCCEEDED, -1, null, statuses, Duration.ofMillis(4200));
        }
        o.listener().planFinished(result);
        return result;
    }

    private record Context(RunOptions o, int index) implements StepContext {
        @Override public void log(String line) { o.listener().log(index, line); }
        @Override public void detail(Object detail) { o.listener().detail(index, detail); }
        @Override public void progress(double fraction) { o.listener().progress(index, fraction); }
        @Override public void checkAborted() { }
        @Override public void pause(Duration timeout) { }
    }
}
