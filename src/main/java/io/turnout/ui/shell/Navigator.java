package io.turnout.ui.shell;

import io.turnout.docker.ContainerRow;
import io.turnout.docker.DockerHost;
import io.turnout.target.TargetUri;
import io.turnout.ui.common.FxmlLoaderFactory;
import io.turnout.ui.common.Icons;
import io.turnout.ui.common.TaskRunner;
import io.turnout.ui.containers.ContainersController;
import io.turnout.ui.containers.ContainersViewModel;
import io.turnout.ui.detail.DetailController;
import io.turnout.ui.detail.DetailViewModel;
import io.turnout.ui.detail.LogTailController;
import io.turnout.ui.detail.LogTailViewModel;
import io.turnout.ui.stack.StackViews;
import javafx.application.Platform;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Opens and finds the centre tabs: a host overview per target, a filtered view per stack, a detail
 * tab per container. Every tab remembers its host so {@link #closeTabsOf} can close them together.
 */
public final class Navigator {

    private static final String HOST_KEY = "turnout.host";

    private final HostsModel hosts;
    private final TaskRunner runner;
    private final Supplier<Instant> clock;
    private final StackViews stacks;
    private TabPane tabs;

    public Navigator(HostsModel hosts, TaskRunner runner, Supplier<Instant> clock) {
        this(hosts, runner, clock, null);
    }

    /** @param stacks builds stack views (environments, history, upgrade); null: a stack opens as its filtered containers */
    public Navigator(HostsModel hosts, TaskRunner runner, Supplier<Instant> clock, StackViews stacks) {
        this.hosts = hosts;
        this.runner = runner;
        this.clock = clock;
        this.stacks = stacks;
    }

    void attach(TabPane tabPane) {
        this.tabs = tabPane;
    }

    public Window window() {
        return tabs.getScene() == null ? null : tabs.getScene().getWindow();
    }

    /** The host's overview tab (all its containers); does nothing for a host that is not open. */
    public void openTarget(TargetUri target) {
        hosts.find(target).ifPresent(h -> openContainers("host:" + target, h.label(), h, ""));
    }

    /** The stack's view: environments, history and its containers (only its containers without {@link StackViews}). */
    public void openStack(TargetUri target, String stack) {
        hosts.find(target).ifPresent(h -> {
            String key = "stack:" + target + "/" + stack;
            if (stacks == null) {
                openContainers(key, stack + " · " + h.label(), h, stack);
            } else if (!select(key)) {
                var containers = containersView(h, stack);
                var view = stacks.create(h.host(), stack, containers.root());
                add(key, target, stack + " · " + h.label(), Feather.LAYERS, view.root(), view.controller());
            }
        });
    }

    /** The stack's view with its "Dashboard" tab selected (the stack view when it has no dashboard). */
    public void openDashboard(TargetUri target, String stack) {
        openStack(target, stack);
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        if (tab != null && tab.getUserData() instanceof io.turnout.ui.stack.StackController c) {
            c.showDashboard();
        }
    }

    /** Whether stacks open as stack views with a dashboard. */
    public boolean hasDashboards() {
        return stacks != null && stacks.hasDashboards();
    }

    private void openContainers(String key, String title, HostEntry host, String filter) {
        if (select(key)) {
            return;
        }
        var view = containersView(host, filter);
        add(key, host.target(), title, Feather.SERVER, view.root(), view.controller());
    }

    private FxmlLoaderFactory.View<ContainersController> containersView(HostEntry host, String filter) {
        ContainersViewModel vm = new ContainersViewModel(clock, host.label());
        vm.filterProperty().set(filter);
        vm.connectionProperty().bind(host.connectionProperty());
        return new FxmlLoaderFactory(Map.of(ContainersController.class,
                () -> new ContainersController(vm, host.containers(), row -> openContainer(host.target(), row, false))))
                .load(ContainersController.class, "ContainersView.fxml", ContainersController.class);
    }

    public void openContainer(TargetUri target, ContainerRow row, boolean logs) {
        String key = "container:" + row.id();
        if (!select(key)) {
            HostEntry entry = hosts.find(target).orElse(null);
            if (entry == null) {
                return;
            }
            DockerHost h = entry.host();
            var view = new FxmlLoaderFactory(Map.of(
                    DetailController.class, () -> new DetailController(new DetailViewModel(runner, h::inspect, row.id())),
                    LogTailController.class, () -> new LogTailController(new LogTailViewModel(h::logs, runner,
                            Platform::runLater, row.id(), LogTailViewModel.DEFAULT_CAPACITY))))
                    .load(DetailController.class, "DetailView.fxml", DetailController.class);
            add(key, target, row.name(), Feather.BOX, view.root(), view.controller());
        }
        if (logs && tabs.getSelectionModel().getSelectedItem().getUserData() instanceof DetailController d) {
            d.showLogs();
        }
    }

    private void add(String key, TargetUri target, String title, Feather icon, javafx.scene.Parent content, Object controller) {
        Tab tab = new Tab(title, content);
        tab.setId(key);
        tab.getProperties().put(HOST_KEY, target);
        tab.setGraphic(Icons.of(icon));
        tab.setUserData(controller);
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
    }

    private boolean select(String key) {
        for (Tab t : tabs.getTabs()) {
            if (key.equals(t.getId())) {
                tabs.getSelectionModel().select(t);
                return true;
            }
        }
        return false;
    }

    /** Ctrl+F: the filter of the selected containers tab, or the log search of a detail tab. */
    public void focusFilter() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        if (tab != null && tab.getUserData() instanceof ContainersController c) {
            c.focusFilter();
        } else if (tab != null && tab.getUserData() instanceof DetailController d) {
            d.showLogs();
            d.logs().focusSearch();
        }
    }

    /** Closes every tab that shows something of {@code target} (its views stop their feeds as they leave the scene). */
    public void closeTabsOf(TargetUri target) {
        tabs.getTabs().removeIf(t -> target.equals(t.getProperties().get(HOST_KEY)));
    }

    public void closeSelectedTab() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        if (tab != null) {
            tabs.getTabs().remove(tab);
        }
    }

    public void focusTabs() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        (tab != null && tab.getContent() != null ? tab.getContent() : tabs).requestFocus();
        if (tab != null && tab.getUserData() instanceof ContainersController c) {
            c.focusTable();
        }
    }
}
