package io.turnout.ui.migrate;

import io.turnout.activity.ActivityLog;
import io.turnout.docker.DockerHost;
import io.turnout.release.StackOperations;
import io.turnout.ui.common.TaskRunner;
import io.turnout.ui.common.UiStyles;
import io.turnout.ui.stack.run.RunViewModel;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Opens "Migrate database…" windows, from a stack view (its name and database prefilled) or from
 * the command palette (nothing prefilled: paste SQL and classify). One per call; FX thread.
 */
public final class MigrationWizards {

    private final MigrationWizardServices services;
    private final TaskRunner runner;
    private final Executor fx;
    private final ActivityLog activity;

    /** @param fx {@code Platform::runLater}: where run progress is handed over */
    public MigrationWizards(MigrationWizardServices services, TaskRunner runner, Executor fx, ActivityLog activity) {
        this.services = services;
        this.runner = runner;
        this.fx = fx;
        this.activity = activity;
    }

    /**
     * @param stack    the stack it is opened for, or null
     * @param database the stack's database URL to prefill, or null
     * @param target   what the activity drawer names as where the run happens (host label or "local")
     */
    public Stage open(Window owner, String stack, String database, String target) {
        return open(owner, services, stack, database, target);
    }

    /**
     * The wizard for a stack: binds the services to it in the background (reads its turnout.yml),
     * then opens prefilled with its database. Runs take the stack's lock and journal, and a
     * maintenance run puts its router in maintenance.
     *
     * @param onError gets one sentence when the stack cannot be read
     */
    public void openForStack(Window owner, String stack, Supplier<StackOperations> operations, DockerHost host, Consumer<String> onError) {
        runner.run(() -> services.forStack(operations.get(), host),
                bound -> open(owner, bound.services(), stack, bound.database(), host.target().label()),
                e -> onError.accept("Cannot open the migration wizard for " + stack + ": " + (e.getMessage() == null ? e : e.getMessage())));
    }

    private Stage open(Window owner, MigrationWizardServices services, String stack, String database, String target) {
        MigrationWizardViewModel vm = new MigrationWizardViewModel(services, runner, new RunViewModel(runner, fx, activity, target),
                stack, database);
        var view = MigrationWizardController.load(vm);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(stack == null ? "Migrate database" : "Migrate database of " + stack + " · " + target);
        Scene scene = new Scene(view.root());
        scene.getStylesheets().add(UiStyles.CSS);
        stage.setScene(scene);
        stage.setWidth(1100); // a fixed size: the pasted SQL and the tables must not size the window
        stage.setHeight(760);
        stage.show();
        return stage;
    }
}
