package io.turnout.ui.shell;

import io.turnout.activity.ActivityLog;
import io.turnout.docker.ContainerSnapshot;
import io.turnout.docker.DockerHost;
import io.turnout.target.TargetUri;
import io.turnout.ui.common.FxmlLoaderFactory;
import io.turnout.ui.common.SharedFeed;
import io.turnout.ui.common.TaskRunner;
import io.turnout.ui.connect.AddHostRequest;
import javafx.application.ColorScheme;
import javafx.beans.value.ObservableValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Builds the main window from injected engine objects; the composition root ({@code io.turnout.app})
 * calls {@code new ShellFactory(...).create()} on the FX thread and {@link Shell#mount} on a Stage.
 */
public final class ShellFactory {

    private final List<DockerHost> hosts;
    private final ActivityLog activityLog;
    private final TaskRunner runner;
    private final UiStateStore store;
    private final Supplier<Instant> clock;
    private final ObservableValue<ColorScheme> osColorScheme;
    private final Consumer<AddHostRequest> onAddHost;

    /**
     * @param osColorScheme usually {@code Platform.getPreferences().colorSchemeProperty()}
     * @param onAddHost     called on the FX thread with the operator's new host; connecting is the caller's job
     */
    public ShellFactory(List<DockerHost> hosts, ActivityLog activityLog, TaskRunner runner, UiStateStore store,
                        Supplier<Instant> clock, ObservableValue<ColorScheme> osColorScheme, Consumer<AddHostRequest> onAddHost) {
        this.hosts = List.copyOf(hosts);
        this.activityLog = activityLog;
        this.runner = runner;
        this.store = store;
        this.clock = clock;
        this.osColorScheme = osColorScheme;
        this.onAddHost = onAddHost;
    }

    /** FX thread only. */
    public Shell create() {
        UiState state = store.load();
        List<SharedFeed<ContainerSnapshot>> feeds = hosts.stream().map(h -> new SharedFeed<>(h.containers())).toList();
        List<TargetUri> targets = hosts.stream().map(DockerHost::target).toList();
        ThemeManager theme = new ThemeManager(state.theme(), osColorScheme);
        ActivityViewModel activity = new ActivityViewModel();
        activity.openProperty().set(state.drawerOpen());
        SidebarViewModel sidebar = new SidebarViewModel(targets);
        Navigator nav = new Navigator(hosts, feeds, runner, clock);
        AtomicReference<ShellController> shell = new AtomicReference<>();
        AtomicReference<String> lastSelection = new AtomicReference<>(state.lastSelection());
        Consumer<SidebarNode> open = node -> shell.get().open(node);
        PaletteViewModel palette = new PaletteViewModel(() -> PaletteCommands.build(sidebar, open, nav,
                theme::toggle, () -> shell.get().addHost(), activity::toggle));

        var view = new FxmlLoaderFactory(Map.of(
                ShellController.class, () -> {
                    shell.set(new ShellController(hosts, feeds, activityLog, activity, sidebar, nav, theme, onAddHost));
                    return shell.get();
                },
                SidebarController.class, () -> new SidebarController(sidebar, open, lastSelection::set, state.lastSelection()),
                StatusBarController.class, () -> new StatusBarController(targets, activity),
                ActivityDrawerController.class, () -> new ActivityDrawerController(activity),
                PaletteController.class, () -> new PaletteController(palette)))
                .load(ShellFactory.class, "ShellView.fxml", ShellController.class);
        return new Shell(view.root(), view.controller(), theme, activity, store, lastSelection::get, state);
    }
}
