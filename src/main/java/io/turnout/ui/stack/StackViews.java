package io.turnout.ui.stack;

import io.turnout.activity.ActivityLog;
import io.turnout.docker.DockerHost;
import io.turnout.release.StackOperations;
import io.turnout.ui.common.FxmlLoaderFactory;
import io.turnout.ui.common.TaskRunner;
import io.turnout.ui.migrate.MigrationWizards;
import io.turnout.ui.dashboard.Dashboards;
import javafx.application.Platform;
import javafx.scene.Node;

import java.time.ZoneId;
import java.util.Map;
import java.util.function.Supplier;

/** Builds stack views for the shell's navigator: one per stack tab, each with its own operations and windows. */
public final class StackViews {

    private final StackOperationsFactory factory;
    private final TaskRunner runner;
    private final ActivityLog activity;
    private final ZoneId zone;
    private final MigrationWizards migrations;
    private final Dashboards dashboards;

    public StackViews(StackOperationsFactory factory, TaskRunner runner, ActivityLog activity, ZoneId zone) {
        this(factory, runner, activity, zone, null, null);
    }

    /**
     * @param migrations opens the migration wizard from a stack's "Migrate database…"; null: no such button
     * @param dashboards builds each stack's "Dashboard" tab (live graphs on the stack's timeline); null: no such tab
     */
    public StackViews(StackOperationsFactory factory, TaskRunner runner, ActivityLog activity, ZoneId zone,
                      MigrationWizards migrations, Dashboards dashboards) {
        this.factory = factory;
        this.runner = runner;
        this.activity = activity;
        this.zone = zone;
        this.migrations = migrations;
        this.dashboards = dashboards;
    }

    /** FX thread. @param containers the stack's containers view for the "Containers" section, or null */
    public FxmlLoaderFactory.View<StackController> create(DockerHost host, String stack, Node containers) {
        StackViewModel vm = new StackViewModel(stack, memoized(() -> factory.open(host, stack)), runner, zone);
        StackWindows windows = new StackWindows(runner, Platform::runLater, activity, host, migrations);
        var dashboard = dashboards == null ? null : dashboards.create(host, stack);
        return new FxmlLoaderFactory(Map.of(StackController.class, () -> new StackController(vm, windows, containers, dashboard)))
                .load(StackController.class, "StackView.fxml", StackController.class);
    }

    public boolean hasDashboards() {
        return dashboards != null;
    }

    /** Opens the operations once, on the first background call that needs them; a failed open is retried next time. */
    static Supplier<StackOperations> memoized(Supplier<StackOperations> open) {
        return new Supplier<>() {
            private StackOperations ops;

            @Override
            public synchronized StackOperations get() {
                if (ops == null) {
                    ops = open.get();
                }
                return ops;
            }
        };
    }
}
