package io.turnout.ui.shell;

import io.turnout.activity.ActivityLog;
import io.turnout.docker.DockerHost;
import io.turnout.ui.common.FxmlLoaderFactory;
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
 * More hosts come and go later through {@link Shell#addHost} and {@link Shell#removeHost}.
 */
public final class ShellFactory {

    private final List<DockerHost> initialHosts;
    private final ActivityLog activityLog;
    private final TaskRunner runner;
    private final UiStateStore store;
    private final Supplier<Instant> clock;
    private final ObservableValue<ColorScheme> osColorScheme;
    private final Consumer<AddHostRequest> onAddHost;

    /**
     * @param initialHosts  open from the start, as if passed to {@link Shell#addHost} in order; need not be connected yet
     * @param osColorScheme usually {@code Platform.getPreferences().colorSchemeProperty()}
     * @param onAddHost     called on the FX thread with the operator's new host; the caller creates
     *                      the {@link DockerHost} and hands it to {@link Shell#addHost}
     */
    public ShellFactory(List<DockerHost> initialHosts, ActivityLog activityLog, TaskRunner runner, UiStateStore store,
                        Supplier<Instant> clock, ObservableValue<ColorScheme> osColorScheme, Consumer<AddHostRequest> onAddHost) {
        this.initialHosts = List.copyOf(initialHosts);
        this.activityLog = activityLog;
        this.runner = runner;
        this.store = store;
        this.clock = clock;
        this.osColorScheme = osColorScheme;
        this.onAddHost = onAddHost;
    }

    /** FX thread only. Reads the remembered state from the store. */
    public Shell create() {
        return create(store.load());
    }

    /** FX thread only; {@code state} as the composition root already loaded it (to reopen its {@code openHosts}). */
    public Shell create(UiState state) {
        HostsModel hosts = new HostsModel();
        initialHosts.forEach(hosts::add);
        ThemeManager theme = new ThemeManager(state.theme(), osColorScheme);
        ActivityViewModel activity = new ActivityViewModel();
        activity.openProperty().set(state.drawerOpen());
        SidebarViewModel sidebar = new SidebarViewModel(hosts);
        Navigator nav = new Navigator(hosts, runner, clock);
        AtomicReference<ShellController> shell = new AtomicReference<>();
        AtomicReference<String> lastSelection = new AtomicReference<>(state.lastSelection());
        Consumer<SidebarNode> open = node -> shell.get().open(node);
        Consumer<io.turnout.target.TargetUri> remove = target -> shell.get().removeHost(target);
        PaletteViewModel palette = new PaletteViewModel(() -> PaletteCommands.build(sidebar, open, nav,
                theme::toggle, () -> shell.get().addHost(), activity::toggle, remove));

        var view = new FxmlLoaderFactory(Map.of(
                ShellController.class, () -> {
                    shell.set(new ShellController(hosts, runner, activityLog, activity, sidebar, nav, theme, onAddHost));
                    return shell.get();
                },
                SidebarController.class, () -> new SidebarController(sidebar, open, lastSelection::set, state.lastSelection(), remove),
                StatusBarController.class, () -> new StatusBarController(new StatusBarViewModel(hosts), activity),
                ActivityDrawerController.class, () -> new ActivityDrawerController(activity),
                PaletteController.class, () -> new PaletteController(palette)))
                .load(ShellFactory.class, "ShellView.fxml", ShellController.class);
        return new Shell(view.root(), view.controller(), hosts, theme, activity, store, lastSelection::get, state);
    }
}
