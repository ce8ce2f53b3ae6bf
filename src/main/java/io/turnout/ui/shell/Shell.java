package io.turnout.ui.shell;

import io.turnout.docker.DockerHost;
import io.turnout.target.TargetUri;
import io.turnout.ui.common.UiStyles;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.List;
import java.util.function.Supplier;

/**
 * A built main window, ready to be mounted into a Stage; remembers geometry, choices and the open
 * hosts on close. Hosts can be added and removed while it is open (FX thread).
 */
public final class Shell {

    static final String CSS = UiStyles.CSS;

    private final Parent root;
    private final ShellController controller;
    private final HostsModel hosts;
    private final ThemeManager theme;
    private final ActivityViewModel activity;
    private final UiStateStore store;
    private final Supplier<String> lastSelection;
    private final UiState initial;

    Shell(Parent root, ShellController controller, HostsModel hosts, ThemeManager theme, ActivityViewModel activity,
          UiStateStore store, Supplier<String> lastSelection, UiState initial) {
        this.root = root;
        this.controller = controller;
        this.hosts = hosts;
        this.theme = theme;
        this.activity = activity;
        this.store = store;
        this.lastSelection = lastSelection;
        this.initial = initial;
    }

    /** Puts the window into {@code stage} with the remembered geometry; saves state when it closes. FX thread. */
    public void mount(Stage stage) {
        Scene scene = new Scene(root, initial.width(), initial.height());
        scene.getStylesheets().add(CSS);
        stage.setScene(scene);
        stage.setTitle("Turnout");
        stage.setMinWidth(800);
        stage.setMinHeight(500);
        if (!Double.isNaN(initial.x()) && !Double.isNaN(initial.y())) {
            stage.setX(initial.x());
            stage.setY(initial.y());
        }
        stage.setMaximized(initial.maximized());
        stage.setOnHiding(e -> store.save(currentState(stage)));
    }

    /**
     * Opens {@code host} in the window (sidebar node, status item, overview tab, palette entries) and
     * starts following its connection and containers feeds; it may still be connecting. The shell
     * now owns it and closes it on {@link #removeHost}. FX thread.
     *
     * @return false, and nothing changes, when a host with the same target is already open (the caller keeps {@code host})
     */
    public boolean addHost(DockerHost host) {
        return hosts.add(host);
    }

    /**
     * Closes the host's tabs, stops its feeds and calls {@link DockerHost#close()} on a background
     * thread. FX thread. @return false when no host with this target is open
     */
    public boolean removeHost(TargetUri target) {
        return hosts.remove(target).isPresent();
    }

    /** Targets of the open hosts, in the order they were added. FX thread. */
    public List<TargetUri> hosts() {
        return hosts.hosts().stream().map(HostEntry::target).toList();
    }

    UiState currentState(Stage stage) {
        UiState s = stage.isMaximized() ? initial.withGeometry(initial.x(), initial.y(), initial.width(), initial.height(), true)
                : initial.withGeometry(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
        return s.withTheme(theme.choiceProperty().get()).withDrawerOpen(activity.openProperty().get())
                .withLastSelection(lastSelection.get()).withOpenHosts(hosts.specs());
    }

    public Parent root() {
        return root;
    }

    public ShellController controller() {
        return controller;
    }

    public ThemeManager theme() {
        return theme;
    }
}
