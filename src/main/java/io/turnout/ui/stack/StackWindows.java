package io.turnout.ui.stack;

import io.turnout.activity.ActivityLog;
import io.turnout.docker.DockerHost;
import io.turnout.plan.Plan;
import io.turnout.plan.PlanResult;
import io.turnout.plan.RunOptions;
import io.turnout.release.InterruptedRun;
import io.turnout.release.StackOperations;
import io.turnout.stack.Color;
import io.turnout.ui.common.FxmlLoaderFactory;
import io.turnout.ui.common.TaskRunner;
import io.turnout.ui.common.UiStyles;
import io.turnout.ui.migrate.MigrationWizards;
import io.turnout.ui.stack.run.PlanDialogController;
import io.turnout.ui.stack.run.PlanDialogViewModel;
import io.turnout.ui.stack.run.RunPaneController;
import io.turnout.ui.stack.run.RunViewModel;
import io.turnout.ui.stack.upgrade.UpgradeWizardController;
import io.turnout.ui.stack.upgrade.UpgradeWizardViewModel;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Opens the stack view's windows: the upgrade wizard and the plan dialogs (switch, roll back,
 * remove standby, resume or roll back an interrupted release). Each window runs its plan through
 * its own {@link RunViewModel}; {@code onClosed} lets the stack view re-read its status.
 */
public final class StackWindows {

    private final TaskRunner runner;
    private final Executor fx;
    private final ActivityLog activity;
    private final String hostLabel;
    private final MigrationWizards migrations;
    private final DockerHost host;

    /** @param fx {@code Platform::runLater}: where run progress and gate questions are handed over */
    public StackWindows(TaskRunner runner, Executor fx, ActivityLog activity, String hostLabel) {
        this.runner = runner;
        this.fx = fx;
        this.activity = activity;
        this.hostLabel = hostLabel;
        this.migrations = null;
        this.host = null;
    }

    /** @param migrations opens the migration wizard for the stack on {@code host}; null: the stack view offers no "Migrate database…" */
    public StackWindows(TaskRunner runner, Executor fx, ActivityLog activity, DockerHost host, MigrationWizards migrations) {
        this.runner = runner;
        this.fx = fx;
        this.activity = activity;
        this.hostLabel = host.target().label();
        this.migrations = migrations;
        this.host = host;
    }

    public boolean canMigrate() {
        return migrations != null;
    }

    /**
     * The migration wizard for this stack, prefilled with its database: runs go through the host's
     * SSH session, under the stack's lock and journal, and a maintenance run uses its router.
     */
    public void migrate(Window owner, StackViewModel stack, Consumer<String> onError) {
        if (migrations != null) {
            migrations.openForStack(owner, stack.stack(), stack.operations(), host, onError);
        }
    }

    private RunViewModel newRun() {
        return new RunViewModel(runner, fx, activity, hostLabel);
    }

    public void upgrade(Window owner, StackViewModel stack, String service, Runnable onClosed) {
        UpgradeWizardViewModel vm = new UpgradeWizardViewModel(stack.services(), service, stack.operations(), runner, newRun());
        var view = UpgradeWizardController.load(vm);
        show(owner, "Upgrade " + stack.stack() + " · " + hostLabel, view.root(), onClosed);
    }

    public void switchTraffic(Window owner, StackViewModel stack, ServiceItem s, Runnable onClosed) {
        Supplier<StackOperations> ops = stack.operations();
        Color to = s.switchTo();
        plan(owner, "Switch " + stack.stack() + "/" + s.name() + " to " + to.id(), s.switchLabel(),
                () -> ops.get().planSwitch(s.name(), to), (p, o) -> ops.get().execute(p, o), false, onClosed, false);
    }

    public void rollback(Window owner, StackViewModel stack, ServiceItem s, Runnable onClosed) {
        Supplier<StackOperations> ops = stack.operations();
        plan(owner, "Roll back " + stack.stack() + "/" + s.name(), s.rollbackLabel(),
                () -> ops.get().planRollback(s.name()), (p, o) -> ops.get().execute(p, o), false, onClosed, false);
    }

    public void removeStandby(Window owner, StackViewModel stack, ServiceItem s, Runnable onClosed) {
        Supplier<StackOperations> ops = stack.operations();
        Color color = s.removable();
        plan(owner, "Remove standby " + color.id() + " of " + stack.stack() + "/" + s.name(), s.removeLabel(),
                () -> ops.get().planCleanup(s.name(), color), (p, o) -> ops.get().execute(p, o), false, onClosed, false);
    }

    /** Turns the router's maintenance page on (every public request gets 503) or off, through a previewed plan. */
    public void maintenance(Window owner, StackViewModel stack, boolean on, Runnable onClosed) {
        Supplier<StackOperations> ops = stack.operations();
        plan(owner, (on ? "Maintenance page for " : "End maintenance of ") + stack.stack(),
                on ? "Show the maintenance page" : "End maintenance",
                () -> ops.get().planMaintenance(on), (p, o) -> ops.get().execute(p, o), false, onClosed, false);
    }

    /** Continues an interrupted release from the step it was in; asks before each dangerous step it reaches. */
    public void resume(Window owner, StackViewModel stack, InterruptedRun run, Runnable onClosed) {
        Supplier<StackOperations> ops = stack.operations();
        plan(owner, run.sentence(), "Resume release", null, (p, o) -> ops.get().resume(run, o), true, onClosed, false);
    }

    /** Undoes what an interrupted release applied, in reverse. */
    public void rollBackInterrupted(Window owner, StackViewModel stack, InterruptedRun run, Runnable onClosed) {
        Supplier<StackOperations> ops = stack.operations();
        plan(owner, run.sentence(), "Roll back release", null, (p, o) -> ops.get().rollBack(run, o), false, onClosed, true);
    }

    private void plan(Window owner, String heading, String action, Callable<Plan> planner,
                      BiFunction<Plan, RunOptions, PlanResult> executor, boolean askAtGates, Runnable onClosed, boolean undoing) {
        PlanDialogViewModel vm = new PlanDialogViewModel(heading, action, newRun(), runner, planner, executor, askAtGates);
        if (undoing) {
            vm.undoing();
        }
        RunPaneController runPane = RunPaneController.load(vm.run()).controller();
        var view = new FxmlLoaderFactory(Map.of(PlanDialogController.class, () -> new PlanDialogController(vm, runPane)))
                .load(PlanDialogController.class, "PlanDialog.fxml", PlanDialogController.class);
        Stage stage = show(owner, heading + " · " + hostLabel, view.root(), onClosed);
        stage.addEventFilter(WindowEvent.WINDOW_CLOSE_REQUEST, e -> {
            if (!vm.canClose()) {
                e.consume(); // abort first: closing must not leave a release running unseen
            }
        });
        vm.load();
    }

    private static Stage show(Window owner, String title, Parent root, Runnable onClosed) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(title);
        Scene scene = new Scene(root);
        scene.getStylesheets().add(UiStyles.CSS);
        stage.setScene(scene);
        stage.setOnHidden(e -> onClosed.run());
        stage.show();
        return stage;
    }
}
