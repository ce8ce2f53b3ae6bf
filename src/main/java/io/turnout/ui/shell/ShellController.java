package io.turnout.ui.shell;

import io.turnout.activity.ActivityLog;
import io.turnout.target.TargetUri;
import io.turnout.ui.common.FxFeedBridge;
import io.turnout.ui.common.TaskRunner;
import io.turnout.ui.common.UiStyles;
import io.turnout.ui.connect.AddHostDialog;
import io.turnout.ui.connect.AddHostRequest;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The main window: menus and accelerators, sidebar → tabs navigation, and each open host's
 * connection and containers feeds (running while the window shows). A host added to the
 * {@link HostsModel} gets its feeds and overview tab; a removed one loses its tabs and feeds and
 * is closed on a background thread.
 */
public final class ShellController {

    private static final Logger LOG = LoggerFactory.getLogger(ShellController.class);

    private final HostsModel hosts;
    private final TaskRunner runner;
    private final Map<TargetUri, List<FxFeedBridge<?>>> bridges = new HashMap<>();
    private final ActivityLog activityLog;
    private final ActivityViewModel activity;
    private final SidebarViewModel sidebar;
    private final Navigator nav;
    private final ThemeManager theme;
    private final Consumer<AddHostRequest> onAddHost;
    private final KnownHosts known;

    @FXML private StackPane root;
    @FXML private TabPane tabs;
    @FXML private SidebarController sidebarController;
    @FXML private StatusBarController statusBarController;
    @FXML private ActivityDrawerController drawerController;
    @FXML private PaletteController paletteController;

    public ShellController(HostsModel hosts, TaskRunner runner, ActivityLog activityLog, ActivityViewModel activity,
                           SidebarViewModel sidebar, Navigator nav, ThemeManager theme, Consumer<AddHostRequest> onAddHost,
                           KnownHosts known) {
        this.hosts = hosts;
        this.runner = runner;
        this.activityLog = activityLog;
        this.activity = activity;
        this.sidebar = sidebar;
        this.nav = nav;
        this.theme = theme;
        this.onAddHost = onAddHost;
        this.known = known;
    }

    @FXML
    private void initialize() {
        root.getStyleClass().add(UiStyles.APP);
        nav.attach(tabs);
        hosts.hosts().forEach(this::attach);
        if (!hosts.hosts().isEmpty()) {
            tabs.getSelectionModel().selectFirst();
        }
        hosts.hosts().addListener((ListChangeListener<HostEntry>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(this::detach);
                c.getAddedSubList().forEach(this::attach);
            }
        });
        FxFeedBridge.whileShowing(root, activityLog.feed(), activity::apply);
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !paletteController.isOpen() && activity.openProperty().get()) {
                activity.openProperty().set(false);
                e.consume();
            }
        });
    }

    /** Starts the host's feeds (while the window shows) and opens its overview tab. */
    private void attach(HostEntry host) {
        bridges.put(host.target(), List.of(
                FxFeedBridge.whileShowing(root, host.host().connection(), host::applyConnection),
                FxFeedBridge.whileShowing(root, host.containers(), host::applySnapshot)));
        nav.openTarget(host.target());
    }

    /** Closes the host's tabs, stops its feeds and closes the host itself off the FX thread. */
    private void detach(HostEntry host) {
        nav.closeTabsOf(host.target());
        bridges.getOrDefault(host.target(), List.of()).forEach(FxFeedBridge::close);
        bridges.remove(host.target());
        runner.run(() -> {
            host.host().close();
            return null;
        }, done -> LOG.info("Closed host {}", host.target()), e -> LOG.warn("Closing host {} failed: {}", host.target(), e.toString()));
    }

    /** Opens what a sidebar or palette node stands for in the centre tabs. */
    void open(SidebarNode node) {
        switch (node.kind()) {
            case TARGET -> nav.openTarget(node.target());
            case STACK, SERVICE -> nav.openStack(node.target(), node.stack());
            case CONTAINER -> nav.openContainer(node.target(), node.row(), false);
        }
    }

    /** Removes the host from the window (sidebar context menu, palette); see {@link #detach}. */
    void removeHost(TargetUri target) {
        hosts.remove(target);
    }

    @FXML public void showPalette() { paletteController.open(); }
    @FXML public void toggleTheme() { theme.toggle(); }
    @FXML public void toggleActivity() { activity.toggle(); }
    @FXML public void focusFilter() { nav.focusFilter(); }
    @FXML public void focusSidebar() { sidebarController.focus(); }
    @FXML public void focusTabs() { nav.focusTabs(); }
    @FXML public void closeTab() { nav.closeSelectedTab(); }
    @FXML public void quit() { root.getScene().getWindow().hide(); }

    @FXML
    public void focusActivity() {
        activity.openProperty().set(true);
        Platform.runLater(drawerController::focus);
    }

    @FXML
    public void addHost() {
        known.refresh();
        new AddHostDialog(nav.window(), known.entries()).showAndWait().ifPresent(onAddHost);
    }

    public PaletteController palette() { return paletteController; }
    public Navigator navigator() { return nav; }
}
