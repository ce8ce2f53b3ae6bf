package io.turnout.ui.shell;

import io.turnout.activity.ActivityLog;
import io.turnout.docker.DockerHost;
import io.turnout.profile.ConnectionProfile;
import io.turnout.ui.common.FxmlLoaderFactory;
import io.turnout.ui.common.TaskRunner;
import io.turnout.ui.connect.AddHostRequest;
import io.turnout.ui.dashboard.Dashboards;
import io.turnout.ui.stack.StackOperationsFactory;
import io.turnout.ui.stack.StackViews;
import io.turnout.ui.migrate.MigrationWizardServices;
import io.turnout.ui.migrate.MigrationWizards;
import javafx.application.Platform;
import javafx.application.ColorScheme;
import javafx.beans.value.ObservableValue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
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
    private final Supplier<List<ConnectionProfile>> catalog;
    private final Consumer<String> forgetProfile;
    private StackOperationsFactory stacks;
    private MigrationWizards migrations;
    private Dashboards.Sources dashboards;

    /**
     * @param initialHosts  open from the start, as if passed to {@link Shell#addHost} in order; need not be connected yet
     * @param osColorScheme usually {@code Platform.getPreferences().colorSchemeProperty()}
     * @param onAddHost     called on the FX thread with the operator's new host (typed in "Add host…" or a
     *                      known host from the palette); the caller creates the {@link DockerHost}, hands it to
     *                      {@link Shell#addHost} and saves a profile when {@link AddHostRequest#remember()}
     * @param catalog       the operator's known hosts (saved profiles, ssh-config aliases, Docker contexts,
     *                      local); blocking, called on a background thread whenever the palette or "Add host…" opens
     * @param forgetProfile removes the saved profile with this name; blocking, called on a background thread
     */
    public ShellFactory(List<DockerHost> initialHosts, ActivityLog activityLog, TaskRunner runner, UiStateStore store,
                        Supplier<Instant> clock, ObservableValue<ColorScheme> osColorScheme, Consumer<AddHostRequest> onAddHost,
                        Supplier<List<ConnectionProfile>> catalog, Consumer<String> forgetProfile) {
        this.initialHosts = List.copyOf(initialHosts);
        this.activityLog = activityLog;
        this.runner = runner;
        this.store = store;
        this.clock = clock;
        this.osColorScheme = osColorScheme;
        this.onAddHost = onAddHost;
        this.catalog = catalog;
        this.forgetProfile = forgetProfile;
    }

    /** Without known hosts: the palette and "Add host…" offer only what is open or typed. */
    public ShellFactory(List<DockerHost> initialHosts, ActivityLog activityLog, TaskRunner runner, UiStateStore store,
                        Supplier<Instant> clock, ObservableValue<ColorScheme> osColorScheme, Consumer<AddHostRequest> onAddHost) {
        this(initialHosts, activityLog, runner, store, clock, osColorScheme, onAddHost, List::of, name -> { });
    }

    /**
     * Stacks open as stack views (environment cards, history, upgrade wizard, switch and rollback)
     * with the engine's operations from {@code stacks}; without it a stack opens as its containers.
     */
    public ShellFactory withStacks(StackOperationsFactory stacks) {
        this.stacks = stacks;
        return this;
    }

    /**
     * "Migrate database…" in the command palette (without a stack: paste SQL, classify, run against a
     * database URL) and in every stack view.
     */
    public ShellFactory withMigrations(MigrationWizardServices services) {
        this.migrations = new MigrationWizards(services, runner, Platform::runLater, activityLog);
        return this;
    }

    /** Stack views get a "Dashboard" tab: live graphs and release markers on the stack's timeline from {@code sources}. */
    public ShellFactory withDashboards(Dashboards.Sources sources) {
        this.dashboards = sources;
        return this;
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
        Navigator nav = new Navigator(hosts, runner, clock,
                stacks == null ? null : new StackViews(stacks, runner, activityLog, ZoneId.systemDefault(), migrations,
                        dashboards == null ? null : new Dashboards(dashboards, ZoneId.systemDefault())));
        AtomicReference<ShellController> shell = new AtomicReference<>();
        AtomicReference<String> lastSelection = new AtomicReference<>(state.lastSelection());
        Consumer<SidebarNode> open = node -> shell.get().open(node);
        Consumer<io.turnout.target.TargetUri> remove = target -> shell.get().removeHost(target);
        KnownHosts known = new KnownHosts(catalog, forgetProfile, runner);
        Consumer<ConnectionProfile> connect = p -> onAddHost.accept(AddHostRequest.parse(p.uri(), null));
        PaletteViewModel palette = new PaletteViewModel(() -> {
            List<PaletteViewModel.Command> all = new ArrayList<>(PaletteCommands.build(sidebar, open, nav,
                    theme::toggle, () -> shell.get().addHost(), activity::toggle, remove));
            if (migrations != null) {
                all.add(1, new PaletteViewModel.Command("Migrate database…", "Action",
                        () -> migrations.open(nav.window(), null, null, "local")));
            }
            all.addAll(CatalogCommands.build(known.entries(), hosts.hosts().stream().map(HostEntry::target).toList(),
                    connect, known::forget));
            return all;
        }, known::refresh);
        known.entries().subscribe(palette::reload);
        known.refresh();

        var view = new FxmlLoaderFactory(Map.of(
                ShellController.class, () -> {
                    shell.set(new ShellController(hosts, runner, activityLog, activity, sidebar, nav, theme, onAddHost, known));
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
