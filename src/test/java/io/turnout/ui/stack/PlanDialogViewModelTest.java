package io.turnout.ui.stack;

import io.turnout.activity.ActivityLog;
import io.turnout.release.InterruptedRun;
import io.turnout.release.UpgradeRequest;
import io.turnout.plan.PlanResult;
import io.turnout.plan.RunOptions;
import io.turnout.plan.StepStatus;
import io.turnout.activity.OperationStatus;
import io.turnout.stack.Color;
import io.turnout.ui.common.ImmediateTaskRunner;
import io.turnout.ui.stack.run.GateQuestion;
import io.turnout.ui.stack.run.PlanDialogViewModel;
import io.turnout.ui.stack.run.RunViewModel;
import io.turnout.ui.stack.run.StepItem;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlanDialogViewModelTest {

    private final InMemoryStackOperations ops = new InMemoryStackOperations("shop", "turnout-fixture/app:v1");
    private final ActivityLog activity = new ActivityLog(Clock.systemUTC());
    private final ImmediateTaskRunner runner = new ImmediateTaskRunner();

    private RunViewModel run() {
        return new RunViewModel(runner, Runnable::run, activity, "prod-1");
    }

    @Test
    void switchDialogPreviewsTheRouterDiffThenSwitchesWhenItsNamedButtonIsPressed() {
        ops.execute(ops.planUpgrade(new UpgradeRequest("web", "turnout-fixture/app:v2", null, null, false, false, false)),
                RunOptions.simple("t"));
        PlanDialogViewModel vm = new PlanDialogViewModel("Switch shop/web to green", "Switch traffic to green", run(), runner,
                () -> ops.planSwitch("web", Color.GREEN), ops::execute, false);

        vm.load();

        assertThat(vm.canStart().get()).isTrue();
        StepItem step = vm.run().steps().getFirst();
        assertThat(step.details()).containsExactly("- backend web weight blue 1 → 0", "+ backend web weight green 0 → 1");
        assertThat(ops.services.get("web").active).isEqualTo(Color.BLUE);

        vm.start();

        assertThat(ops.services.get("web").active).isEqualTo(Color.GREEN);
        assertThat(vm.run().outcomeProperty().get()).startsWith("Done");
        assertThat(vm.canStart().get()).isFalse();
        assertThat(vm.canClose()).isTrue();
    }

    @Test
    void aPlanThatCannotBeBuiltSaysWhyAndCannotStart() {
        PlanDialogViewModel vm = new PlanDialogViewModel("Switch", "Switch traffic to green", run(), runner,
                () -> ops.planSwitch("api", Color.GREEN), ops::execute, false);

        vm.load();

        assertThat(vm.errorProperty().get()).isEqualTo("Cannot plan this: Stack 'shop' has no service 'api'.");
        assertThat(vm.canStart().get()).isFalse();
    }

    @Test
    void resumingAnInterruptedReleaseLearnsItsStepsAsTheyStart() {
        ops.services.get("web").releases.put(Color.GREEN, ops.services.get("web").releases.get(Color.BLUE));
        InterruptedRun interrupted = new InterruptedRun("r7", "switch", Map.of(), 0, "switch-web-to-green", Instant.now(), null);
        PlanDialogViewModel vm = new PlanDialogViewModel(interrupted.sentence(), "Resume release", run(), runner, null,
                (plan, o) -> ops.resume(interrupted, o), false);

        vm.load();
        assertThat(vm.run().steps()).isEmpty();
        assertThat(vm.canStart().get()).isTrue();
        vm.start();

        assertThat(vm.run().steps()).extracting(StepItem::id).containsExactly("switch-web-to-green");
        assertThat(ops.calls).contains("resume r7");
        assertThat(activity.feed().current().getFirst().title()).isEqualTo(interrupted.sentence());
    }

    @Test
    void rollingBackAnInterruptedReleaseThatEndsAbortedReadsAsDone() {
        InterruptedRun interrupted = new InterruptedRun("r8", "upgrade", Map.of(), 2, "health-web-green", Instant.now(), null);
        PlanDialogViewModel vm = new PlanDialogViewModel(interrupted.sentence(), "Roll back release", run(), runner, null,
                (plan, o) -> new PlanResult("r8", PlanResult.Status.ABORTED, 2, "rolled back by the operator",
                        List.of(StepStatus.COMPENSATED, StepStatus.COMPENSATED, StepStatus.COMPENSATED), Duration.ofSeconds(3)), false)
                .undoing();

        vm.start();

        assertThat(vm.run().outcomeProperty().get())
                .isEqualTo("Rolled back in 3.0 s: what the interrupted release had applied was undone.");
        assertThat(activity.feed().current().getFirst().status()).isEqualTo(OperationStatus.SUCCEEDED);
    }

    @Test
    void gateButtonsAreNamedAfterWhatTheStepDoes() {
        var switchStep = ops.planSwitch("web", Color.GREEN).steps().getFirst();
        var rollbackStep = ops.planRollback("web").steps().getFirst();

        assertThat(GateQuestion.actionFor(switchStep)).isEqualTo("Switch traffic to green");
        assertThat(GateQuestion.actionFor(rollbackStep)).isEqualTo("Roll back to green");
    }
}
