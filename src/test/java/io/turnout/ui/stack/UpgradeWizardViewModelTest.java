package io.turnout.ui.stack;

import io.turnout.activity.ActivityLog;
import io.turnout.activity.OperationStatus;
import io.turnout.release.UpgradeRequest;
import io.turnout.stack.Color;
import io.turnout.ui.common.ImmediateTaskRunner;
import io.turnout.ui.stack.run.RunViewModel;
import io.turnout.ui.stack.run.StepItem;
import io.turnout.ui.stack.upgrade.SwitchMode;
import io.turnout.ui.stack.upgrade.UpgradeWizardViewModel;
import io.turnout.ui.stack.upgrade.UpgradeWizardViewModel.Page;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class UpgradeWizardViewModelTest {

    private final InMemoryStackOperations ops = new InMemoryStackOperations("shop", "turnout-fixture/app:v1");
    private final ActivityLog activity = new ActivityLog(Clock.systemUTC());

    private UpgradeWizardViewModel wizard() {
        StackViewModel stack = new StackViewModel("shop", () -> ops, new ImmediateTaskRunner(), ZoneOffset.UTC);
        stack.refresh();
        return new UpgradeWizardViewModel(stack.services(), "web", () -> ops, new ImmediateTaskRunner(),
                new RunViewModel(new ImmediateTaskRunner(), Runnable::run, activity, "prod-1"));
    }

    @Test
    void imageIsPrefilledWithWhatTheActiveColorRuns() {
        UpgradeWizardViewModel vm = wizard();

        assertThat(vm.serviceProperty().get()).isEqualTo("web");
        assertThat(vm.currentImageProperty().get()).isEqualTo("turnout-fixture/app:v1");
        assertThat(vm.imageProperty().get()).isEqualTo("turnout-fixture/app:v1");
        assertThat(vm.targetColor()).isEqualTo("green");
        assertThat(vm.pageProperty().get()).isEqualTo(Page.IMAGE);

        vm.imageProperty().set(" ");
        assertThat(vm.canNextBinding().get()).isFalse();
    }

    @Test
    void aServicePassingThroughNullKeepsTheTypedImage() {
        UpgradeWizardViewModel vm = wizard();
        vm.imageProperty().set("turnout-fixture/app:v2");

        vm.serviceProperty().set(null); // what a combo box may do while its skin or selection settles
        vm.serviceProperty().set("web");

        assertThat(vm.imageProperty().get()).isEqualTo("turnout-fixture/app:v2");
    }

    @Test
    void optionsBecomeTheRequestTheCliWouldSend() {
        UpgradeWizardViewModel vm = wizard();
        vm.imageProperty().set("turnout-fixture/app:v2");
        vm.switchModeProperty().set(SwitchMode.ASK);
        vm.autoCleanupProperty().set(true);
        vm.healthTimeoutProperty().set("90");
        vm.healthIntervalProperty().set("0.5");

        assertThat(vm.request()).isEqualTo(new UpgradeRequest("web", "turnout-fixture/app:v2", Duration.ofSeconds(90),
                Duration.ofMillis(500), true, true, false));

        vm.switchModeProperty().set(SwitchMode.LEAVE_STANDBY);
        assertThat(vm.autoCleanupProperty().get()).isFalse();
        assertThat(vm.request().autoSwitch()).isFalse();
        assertThat(vm.request().autoCleanup()).isFalse();
    }

    @Test
    void aBadTimeoutIsOneSentenceAndTheWizardStaysOnOptions() {
        UpgradeWizardViewModel vm = wizard();
        vm.next();
        vm.healthTimeoutProperty().set("soon");

        vm.next();

        assertThat(vm.pageProperty().get()).isEqualTo(Page.OPTIONS);
        assertThat(vm.errorProperty().get()).startsWith("Health timeout must be a number of seconds");
        assertThat(ops.calls).noneMatch(c -> c.startsWith("planUpgrade"));
    }

    @Test
    void automaticUpgradeGoesFromPreviewThroughTheRunToASummaryWithGreenServingV2() {
        UpgradeWizardViewModel vm = wizard();
        vm.imageProperty().set("turnout-fixture/app:v2");
        vm.next();
        vm.next();

        assertThat(vm.pageProperty().get()).isEqualTo(Page.PREVIEW);
        assertThat(vm.run().steps()).extracting(StepItem::id).contains("switch-web-to-green");
        assertThat(vm.nextLabelBinding().get()).isEqualTo("Upgrade web to v2");
        assertThat(ops.services.get("web").releases).doesNotContainKey(Color.GREEN);

        vm.next();

        assertThat(vm.pageProperty().get()).isEqualTo(Page.SUMMARY);
        assertThat(vm.run().phaseProperty().get()).isEqualTo(RunViewModel.Phase.FINISHED);
        assertThat(vm.summaryProperty().get()).startsWith("web now serves v2 from green. Done in");
        assertThat(vm.run().probeProperty().get().failed()).isZero();
        assertThat(ops.services.get("web").active).isEqualTo(Color.GREEN);
        assertThat(activity.feed().current().getFirst().status()).isEqualTo(OperationStatus.SUCCEEDED);

        vm.next();
        assertThat(vm.doneProperty().get()).isTrue();
    }

    @Test
    void leavingGreenAsStandbyPlansNoSwitchAndSaysHowToSwitchLater() {
        UpgradeWizardViewModel vm = wizard();
        vm.imageProperty().set("turnout-fixture/app:v2");
        vm.switchModeProperty().set(SwitchMode.LEAVE_STANDBY);
        vm.next();
        vm.next();

        assertThat(vm.run().steps()).noneMatch(StepItem::dangerous);
        vm.next();

        assertThat(vm.summaryProperty().get()).startsWith("green runs v2 as standby; switch traffic from the stack view");
        assertThat(ops.services.get("web").active).isEqualTo(Color.BLUE);
    }

    @Test
    void backReturnsFromThePreviewToTheOptionsButNotDuringTheRun() {
        UpgradeWizardViewModel vm = wizard();
        vm.next();
        vm.next();
        assertThat(vm.canBackBinding().get()).isTrue();

        vm.back();

        assertThat(vm.pageProperty().get()).isEqualTo(Page.OPTIONS);
    }
}
