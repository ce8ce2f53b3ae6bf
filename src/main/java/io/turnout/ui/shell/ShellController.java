package io.turnout.ui.shell;

import io.turnout.activity.ActivityLog;
import io.turnout.docker.ContainerSnapshot;
import io.turnout.docker.DockerHost;
import io.turnout.feed.Feed;
import io.turnout.ui.common.FxFeedBridge;
import io.turnout.ui.common.UiStyles;
import io.turnout.ui.connect.AddHostDialog;
import io.turnout.ui.connect.AddHostRequest;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;

import java.util.List;
import java.util.function.Consumer;

/** The main window: menus and accelerators, sidebar → tabs navigation, live feeds for sidebar and status bar. */
public final class ShellController {

    private final List<DockerHost> hosts;
    private final List<? extends Feed<ContainerSnapshot>> feeds;
    private final ActivityLog activityLog;
    private final ActivityViewModel activity;
    private final SidebarViewModel sidebar;
    private final Navigator nav;
    private final ThemeManager theme;
    private final Consumer<AddHostRequest> onAddHost;

    @FXML private StackPane root;
    @FXML private TabPane tabs;
    @FXML private SidebarController sidebarController;
    @FXML private StatusBarController statusBarController;
    @FXML private ActivityDrawerController drawerController;
    @FXML private PaletteController paletteController;

    public ShellController(List<DockerHost> hosts, List<? extends Feed<ContainerSnapshot>> feeds, ActivityLog activityLog,
                           ActivityViewModel activity, SidebarViewModel sidebar, Navigator nav, ThemeManager theme,
                           Consumer<AddHostRequest> onAddHost) {
        this.hosts = hosts;
        this.feeds = feeds;
        this.activityLog = activityLog;
        this.activity = activity;
        this.sidebar = sidebar;
        this.nav = nav;
        this.theme = theme;
        this.onAddHost = onAddHost;
    }

    @FXML
    private void initialize() {
        root.getStyleClass().add(UiStyles.APP);
        nav.attach(tabs);
        for (int i = 0; i < hosts.size(); i++) {
            int host = i;
            FxFeedBridge.whileShowing(root, hosts.get(i).connection(), s -> {
                statusBarController.show(host, s);
                sidebar.applyConnection(host, s);
            });
            FxFeedBridge.whileShowing(root, feeds.get(i), s -> sidebar.applySnapshot(host, s));
            nav.openTarget(i);
        }
        if (!hosts.isEmpty()) {
            tabs.getSelectionModel().selectFirst();
        }
        FxFeedBridge.whileShowing(root, activityLog.feed(), activity::apply);
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !paletteController.isOpen() && activity.openProperty().get()) {
                activity.openProperty().set(false);
                e.consume();
            }
        });
    }

    /** Opens what a sidebar or palette node stands for in the centre tabs. */
    void open(SidebarNode node) {
        switch (node.kind()) {
            case TARGET -> nav.openTarget(node.hostIndex());
            case STACK, SERVICE -> nav.openStack(node.hostIndex(), node.stack());
            case CONTAINER -> nav.openContainer(node.hostIndex(), node.row(), false);
        }
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
        new AddHostDialog(nav.window()).showAndWait().ifPresent(onAddHost);
    }

    public PaletteController palette() { return paletteController; }
    public Navigator navigator() { return nav; }
}
