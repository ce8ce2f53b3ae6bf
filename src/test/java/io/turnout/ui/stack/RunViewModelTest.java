package io.turnout.ui.stack;

import io.turnout.activity.ActivityLog;
import io.turnout.activity.OperationSnapshot;
import io.turnout.activity.OperationStatus;
import io.turnout.plan.Plan;
import io.turnout.plan.PlanResult;
import io.turnout.plan.StepStatus;
import io.turnout.release.UpgradeRequest;
import io.turnout.stack.Color;
import io.turnout.ui.common.ImmediateTaskRunner;
import io.turnout.ui.stack.run.RunViewModel;
import io.turnout.ui.stack.run.StepItem;
import io.turnout.ui.stack.run.StepPreview.PlanPreview;
import io.turnout.ui.stack.run.PlanDialogViewModel;
import io.turnout.plan.Step;
import io.turnout.plan.StepContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RunViewModelTest {

    private final InMemoryStackOperations ops = new InMemoryStackOperations("shop", "turnout-fixture/app:v1");
    private final ActivityLog activity = new ActivityLog(Clock.systemUTC());

    private static UpgradeRequest upgrade(boolean autoSwitch, boolean autoCleanup) {
        return new UpgradeRequest("web", "turnout-fixture/app:v2", null, null, autoSwitch, autoCleanup, false);
    }

    private RunViewModel immediate() {
        return new RunViewModel(new ImmediateTaskRunner(), Runnable::run, activity, "prod-1");
    }

    @Test
    void previewListsStepsWithTheirDangerAndNoUndoMarkersBeforeAnythingRuns() {
        RunViewModel vm = immediate();
        vm.show(PlanPreview.of(ops.planUpgrade(upgrade(true, true))));

        assertThat(vm.steps()).extracting(StepItem::id)
                .containsExactly("preflight", "start-web-green", "health-web-green", "switch-web-to-green", "remove-web-blue");
        assertThat(vm.steps()).filteredOn(StepItem::dangerous).extracting(StepItem::id).containsExactly("switch-web-to-green");
        assertThat(vm.steps()).filteredOn(StepItem::pointOfNoReturn).extracting(StepItem::id).containsExactly("remove-web-blue");
        assertThat(vm.steps().get(3).details()).anyMatch(d -> d.contains("weight green 0 → 1"));
        assertThat(vm.steps()).allMatch(s -> s.statusProperty().get() == StepStatus.PENDING);
        assertThat(vm.phaseProperty().get()).isEqualTo(RunViewModel.Phase.PREVIEW);
        assertThat(ops.services.get("web").active).isEqualTo(Color.BLUE);
    }

    @Test
    void runShowsStepStatusLogProbeAndOutcomeAndLandsInTheActivityDrawer() {
        RunViewModel vm = immediate();
        Plan plan = ops.planUpgrade(upgrade(true, false));
        vm.show(PlanPreview.of(plan));

        vm.start(plan.title(), false, o -> ops.execute(plan, o));

        assertThat(vm.phaseProperty().get()).isEqualTo(RunViewModel.Phase.FINISHED);
        assertThat(vm.steps()).allMatch(s -> s.statusProperty().get() == StepStatus.DONE);
        assertThat(vm.steps().get(0).outcomeProperty().get()).isEqualTo("done in 1.5 s");
        assertThat(vm.log()).contains("[1] preflight: all checks passed");
        assertThat(vm.probeProperty().get().sent()).isEqualTo(1204);
        assertThat(vm.outcomeProperty().get()).isEqualTo("Done in 4.2 s.");
        assertThat(ops.services.get("web").active).isEqualTo(Color.GREEN);
        OperationSnapshot op = activity.feed().current().getFirst();
        assertThat(op.title()).isEqualTo(plan.title());
        assertThat(op.target()).isEqualTo("prod-1");
        assertThat(op.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(op.log()).contains("Step 1: Preflight: router, image, disk space");
    }

    @Test
    void failedStepSaysWhereAndWhyAndThatTheRestWasUndone() {
        ops.failStep = "health-web-green";
        RunViewModel vm = immediate();
        Plan plan = ops.planUpgrade(upgrade(true, false));
        vm.show(PlanPreview.of(plan));

        vm.start(plan.title(), false, o -> ops.execute(plan, o));

        assertThat(vm.outcomeProperty().get())
                .isEqualTo("Failed at step 3 (Health gate: green): health-web-green broke. What it had applied was undone.");
        assertThat(vm.steps().get(2).statusProperty().get()).isEqualTo(StepStatus.FAILED);
        assertThat(vm.steps().get(2).outcomeProperty().get()).isEqualTo("failed in 1.5 s: health-web-green broke");
        assertThat(activity.feed().current().getFirst().status()).isEqualTo(OperationStatus.FAILED);
        assertThat(ops.services.get("web").releases).doesNotContainKey(Color.GREEN);
    }

    @Test
    void anEngineExceptionEndsTheRunWithItsSentence() {
        RunViewModel vm = immediate();
        vm.start("Switch shop/web to green", false, o -> {
            throw new IllegalStateException("Stack 'shop' is locked by bob@ws.");
        });

        assertThat(vm.phaseProperty().get()).isEqualTo(RunViewModel.Phase.FINISHED);
        assertThat(vm.outcomeProperty().get()).isEqualTo("Could not run: Stack 'shop' is locked by bob@ws.");
        assertThat(activity.feed().current().getFirst().failure()).contains("locked by bob@ws");
    }

    @Test
    void gateAsksWithAButtonNamedAfterTheStepWhileOnlyTheExecutorThreadWaits() throws Exception {
        QueuedFx fx = new QueuedFx();
        RunViewModel vm = new RunViewModel(fx, fx, activity, "prod-1");
        Plan plan = ops.planUpgrade(upgrade(true, false));
        vm.show(PlanPreview.of(plan));
        vm.start(plan.title(), true, o -> ops.execute(plan, o));

        fx.runUntil(() -> vm.gateProperty().get() != null);
        assertThat(vm.gateProperty().get().action()).isEqualTo("Switch traffic to green");
        assertThat(vm.steps().get(2).statusProperty().get()).isEqualTo(StepStatus.DONE);
        assertThat(ops.services.get("web").active).isEqualTo(Color.BLUE);

        vm.answer(true);
        fx.runUntil(() -> vm.phaseProperty().get() == RunViewModel.Phase.FINISHED);
        assertThat(vm.resultProperty().get().succeeded()).isTrue();
        assertThat(vm.gateProperty().get()).isNull();
        assertThat(ops.services.get("web").active).isEqualTo(Color.GREEN);
    }

    @Test
    void stopHereEndsTheRunBeforeTheSwitchWithGreenStillStandby() throws Exception {
        QueuedFx fx = new QueuedFx();
        RunViewModel vm = new RunViewModel(fx, fx, activity, "prod-1");
        Plan plan = ops.planUpgrade(upgrade(true, false));
        vm.show(PlanPreview.of(plan));
        vm.start(plan.title(), true, o -> ops.execute(plan, o));
        fx.runUntil(() -> vm.gateProperty().get() != null);

        vm.answer(false);
        fx.runUntil(() -> vm.phaseProperty().get() == RunViewModel.Phase.FINISHED);

        assertThat(vm.resultProperty().get().status()).isEqualTo(PlanResult.Status.STOPPED);
        assertThat(vm.outcomeProperty().get()).startsWith("Stopped before step 4 (Switch traffic of web from blue to green)");
        assertThat(ops.services.get("web").active).isEqualTo(Color.BLUE);
        assertThat(ops.services.get("web").releases).containsKey(Color.GREEN);
    }

    @Test
    void abortWhileTheGateWaitsAnswersItAndStopsTheRun() throws Exception {
        QueuedFx fx = new QueuedFx();
        RunViewModel vm = new RunViewModel(fx, fx, activity, "prod-1");
        Plan plan = ops.planSwitch("web", Color.GREEN);
        ops.services.get("web").releases.put(Color.GREEN, ops.services.get("web").releases.get(Color.BLUE));
        vm.show(PlanPreview.of(plan));
        vm.start(plan.title(), true, o -> ops.execute(plan, o));
        fx.runUntil(() -> vm.gateProperty().get() != null);

        vm.abort();
        fx.runUntil(() -> vm.phaseProperty().get() == RunViewModel.Phase.FINISHED);

        assertThat(vm.resultProperty().get().succeeded()).isFalse();
        assertThat(ops.services.get("web").active).isEqualTo(Color.BLUE);
    }

    @Test
    void aBurstOfLogLinesCrossesToTheFxThreadInFewHandOvers() throws Exception {
        QueuedFx fx = new QueuedFx();
        RunViewModel vm = new RunViewModel(new ImmediateTaskRunner(), fx, activity, "prod-1");
        Plan plan = ops.planMaintenance(true);
        vm.show(PlanPreview.of(plan));
        vm.start("chatty", false, o -> {
            for (int i = 0; i < 5000; i++) {
                o.listener().log(0, "line " + i);
            }
            return ops.execute(plan, o);
        });
        assertThat(fx.handOvers.get()).isEqualTo(1); // 5,000 lines and the step events, not yet drained: one hand-over
        fx.runUntil(() -> vm.log().size() == RunViewModel.MAX_LOG_LINES);

        assertThat(vm.log()).hasSize(2000).endsWith("[1] line 4999");
        assertThat(List.copyOf(vm.log()).getFirst()).isEqualTo("[1] line 3000");
    }

    @Test
    void stepWordsAreReadOffTheFxThreadAndATitleFollowsWhatItNowNames() throws Exception {
        QueuedFx fx = new QueuedFx();
        Set<Thread> readOn = ConcurrentHashMap.newKeySet();
        String[] runs = {"not running yet"};
        Step step = new Step() {
            @Override public String id() { return "switch-web-to-green"; }
            @Override public String title() { readOn.add(Thread.currentThread()); return "Switch traffic to green (" + runs[0] + ")"; }
            @Override public List<String> details() { readOn.add(Thread.currentThread()); return List.of("router diff"); }
            @Override public void apply(StepContext ctx) { runs[0] = "turnout-fixture/app:v2"; }
        };
        Plan plan = new Plan("switch", "Switch shop/web to green", java.util.Map.of(), List.of(step));
        PlanDialogViewModel dialog = new PlanDialogViewModel("Switch", "Switch traffic to green",
                new RunViewModel(fx, fx, activity, "prod-1"), fx, () -> plan, ops::execute, false);

        dialog.load();
        fx.runUntil(() -> dialog.canStart().get());
        dialog.start();
        fx.runUntil(() -> dialog.run().phaseProperty().get() == RunViewModel.Phase.FINISHED);

        assertThat(readOn).isNotEmpty().doesNotContain(Thread.currentThread());
        assertThat(dialog.run().steps().getFirst().title()).isEqualTo("Switch traffic to green (turnout-fixture/app:v2)");
    }
}
