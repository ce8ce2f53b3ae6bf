package io.turnout.ui.shell;

import io.turnout.testing.Screenshots;
import io.turnout.activity.ActivityLog;
import io.turnout.activity.Operation;
import io.turnout.docker.ContainerRow;
import io.turnout.docker.Health;
import io.turnout.ui.common.FxTaskRunner;
import io.turnout.ui.containers.ContainerItem;
import io.turnout.ui.containers.ContainersNode;
import io.turnout.ui.fixtures.FixtureDockerHost;
import io.turnout.ui.fixtures.KnownHostsFixture;
import io.turnout.ui.fixtures.Rows;
import javafx.application.ColorScheme;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The real main window with a {@link FixtureDockerHost} (UI-behaviour fixture, not an engine). */
@ExtendWith(ApplicationExtension.class)
class ShellUiIT {

    @TempDir
    static Path config;

    private final List<ContainerRow> rows = new ArrayList<>(Rows.realistic());
    private final FixtureDockerHost host = new FixtureDockerHost("ssh://deploy@prod-1", Rows.snapshot(1, rows.toArray(ContainerRow[]::new)));
    private final ActivityLog activity = new ActivityLog(Clock.systemUTC());
    private final List<io.turnout.ui.connect.AddHostRequest> added = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<String> catalogReadOn = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Shell shell;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        shell = new ShellFactory(List.of(host), activity, FxTaskRunner.withDaemonPool(), new UiStateStore(config),
                () -> Rows.T0, new SimpleObjectProperty<>(ColorScheme.LIGHT), added::add, () -> {
                    catalogReadOn.add(Thread.currentThread().getName());
                    return KnownHostsFixture.all();
                }, name -> { }).create();
        shell.mount(stage);
        stage.setWidth(1400);
        stage.setHeight(820);
        stage.show();
    }

    private TreeTableView<ContainersNode> table(FxRobot robot) {
        return robot.lookup(".containers-view .tree-table-view").queryAs(TreeTableView.class);
    }

    private void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        io.turnout.testing.FxWait.until(5, condition);
    }

    @Test
    void overviewGroupsContainersByStackAndServiceAndShowsConnection(FxRobot robot) throws Exception {
        waitFor(() -> table(robot).getRoot().getChildren().size() == 3);
        assertThat(table(robot).getRoot().getChildren()).extracting(i -> ((ContainersNode.Group) i.getValue()).title())
                .containsExactly("blog", "shop", "(no stack)");
        assertThat(robot.lookup(".status-item").queryAs(Label.class).getText()).isEqualTo("prod-1: connected · 14 ms");
        assertThat(host.containersFeedRunning()).isTrue();
    }

    @Test
    void selectionSurvivesThreeSnapshotsAndClearsWhenTheRowGoes(FxRobot robot) throws Exception {
        waitFor(() -> table(robot).getExpandedItemCount() > 5);
        robot.interact(() -> shell.controller().navigator().focusTabs());
        var green = rows.get(1);
        robot.interact(() -> table(robot).getSelectionModel().select(findRow(table(robot), green.id())));
        for (int seq = 2; seq <= 4; seq++) {
            rows.set(1, Rows.withRestarts(Rows.withHealth(green, seq == 4 ? Health.HEALTHY : Health.STARTING), seq));
            host.publish(Rows.snapshot(seq, rows.toArray(ContainerRow[]::new)));
            int s = seq;
            waitFor(() -> selectedRow(robot) != null && selectedRow(robot).restartCount() == s);
        }
        assertThat(selectedRow(robot).health()).isEqualTo(Health.HEALTHY);

        rows.remove(1);
        host.publish(Rows.snapshot(5, rows.toArray(ContainerRow[]::new)));
        waitFor(() -> findRow(table(robot), green.id()) == null);
        WaitForAsyncUtils.waitForFxEvents();
        var sm = table(robot).getSelectionModel();
        assertThat(selectedRow(robot)).as("selection after the selected container went; index=%d items=%s",
                sm.getSelectedIndex(), sm.getSelectedItems()).isNull();
    }

    @Test
    void paletteJumpsToAContainerAndEscapeCloses(FxRobot robot) throws Exception {
        waitFor(() -> table(robot).getExpandedItemCount() > 5);
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        waitFor(() -> shell.controller().palette().isOpen());
        robot.write("api-blue");
        robot.type(KeyCode.ENTER);
        TabPane tabs = robot.lookup(".main-tabs").queryAs(TabPane.class);
        waitFor(() -> "shop-api-blue".equals(tabs.getSelectionModel().getSelectedItem().getText()));
        assertThat(shell.controller().palette().isOpen()).isFalse();

        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        waitFor(() -> shell.controller().palette().isOpen());
        robot.type(KeyCode.ESCAPE);
        waitFor(() -> !shell.controller().palette().isOpen());
    }

    @Test
    void paletteConnectsAKnownHostThroughTheAddHostPath(FxRobot robot) throws Exception {
        waitFor(() -> table(robot).getExpandedItemCount() > 5);
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        waitFor(() -> shell.controller().palette().isOpen());
        robot.write("connect");
        var results = robot.lookup(".command-palette .list-view").queryAs(javafx.scene.control.ListView.class);
        waitFor(() -> results.getItems().size() >= 4);
        assertThat(results.getItems()).extracting(c -> ((PaletteViewModel.Command) c).title())
                .as("prod-1 is open already").startsWith("Connect deploy@build-1", "Connect staging-2", "Connect desktop-linux", "Connect local")
                .doesNotContain("Connect prod-1");
        assertThat(catalogReadOn).isNotEmpty().doesNotContain("JavaFX Application Thread");
        Screenshots.saveTo(Screenshots.TARGET, "palette-known-hosts-light.png", stage.getScene());
        robot.type(KeyCode.ESCAPE);
        waitFor(() -> !shell.controller().palette().isOpen());

        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        waitFor(() -> shell.controller().palette().isOpen());
        robot.write("staging-2");
        waitFor(() -> !results.getItems().isEmpty()
                && ((PaletteViewModel.Command) results.getSelectionModel().getSelectedItem()).title().equals("Connect staging-2"));
        robot.type(KeyCode.ENTER);
        waitFor(() -> added.size() == 1);
        assertThat(added.getFirst().target()).isEqualTo(io.turnout.target.TargetUri.parse("ssh://staging-2"));
        assertThat(added.getFirst().remember()).as("known already: nothing to remember").isFalse();
        assertThat(shell.controller().palette().isOpen()).isFalse();
    }

    @Test
    void aHostAddedAtRuntimeConnectsShowsItsRowsAndGoesAwayWhenRemoved(FxRobot robot) throws Exception {
        waitFor(() -> table(robot).getExpandedItemCount() > 5);
        FixtureDockerHost added = FixtureDockerHost.connecting("ssh://deploy@staging-1");
        robot.interact(() -> assertThat(shell.addHost(added)).isTrue());
        TabPane tabs = robot.lookup(".main-tabs").queryAs(TabPane.class);
        var sidebar = robot.lookup(".sidebar .tree-view").queryAs(javafx.scene.control.TreeView.class);
        waitFor(() -> sidebar.getRoot().getChildren().size() == 2);
        waitFor(() -> "staging-1".equals(tabs.getSelectionModel().getSelectedItem().getText()));
        waitFor(() -> robot.lookup(".containers-view .empty-state").queryAll().stream()
                .anyMatch(n -> n.isVisible() && "Connecting to staging-1…".equals(((Label) n).getText())));
        assertThat(robot.lookup(".status-item").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("prod-1: connected · 14 ms", "staging-1: connecting");
        Screenshots.saveTo(Screenshots.TARGET, "shell-connecting-light.png", stage.getScene());

        added.publish(new io.turnout.target.ConnectionState.Connected(java.time.Duration.ofMillis(31)));
        added.publish(Rows.snapshot(1, Rows.row("9f8e7d6c5b4a3f2e", "staging-web", "staging", "web", null, Health.HEALTHY)));
        waitFor(() -> findRow(table(robot), "9f8e7d6c5b4a3f2e") != null);
        waitFor(() -> robot.lookup(".status-item").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("staging-1: connected · 31 ms")));
        var stagingNode = sidebar.getRoot().getChildren().get(1);
        waitFor(() -> !((javafx.scene.control.TreeItem<?>) stagingNode).getChildren().isEmpty());
        assertThat(added.containersFeedRunning()).isTrue();

        robot.interact(() -> shell.controller().navigator().openContainer(added.target(), added.list(false).getFirst(), false));
        waitFor(() -> tabs.getTabs().size() == 3);
        robot.interact(() -> assertThat(shell.removeHost(added.target())).isTrue());
        waitFor(() -> sidebar.getRoot().getChildren().size() == 1);
        assertThat(tabs.getTabs()).extracting(javafx.scene.control.Tab::getText).containsExactly("prod-1");
        assertThat(robot.lookup(".status-item").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("prod-1: connected · 14 ms");
        waitFor(() -> added.closeCount() == 1);
        assertThat(added.closedOnThread()).doesNotContain("JavaFX Application Thread");
        assertThat(added.containersFeedRunning()).isFalse();
        robot.interact(() -> assertThat(shell.currentState(stage).openHosts()).containsExactly("ssh://deploy@prod-1"));
    }

    @Test
    void aHostThatCannotConnectSaysWhyInItsOverview(FxRobot robot) throws Exception {
        FixtureDockerHost broken = FixtureDockerHost.connecting("ssh://deploy@gone-1");
        robot.interact(() -> shell.addHost(broken));
        broken.publish(new io.turnout.target.ConnectionState.Failed("Connection refused by gone-1:22"));
        waitFor(() -> robot.lookup(".containers-view .empty-state").queryAll().stream()
                .anyMatch(n -> n.isVisible() && "Cannot connect: Connection refused by gone-1:22".equals(((Label) n).getText())));
        Screenshots.saveTo(Screenshots.TARGET, "shell-failed-light.png", stage.getScene());
    }

    @Test
    void screenshotsInLightAndDark(FxRobot robot) throws Exception {
        waitFor(() -> table(robot).getExpandedItemCount() > 5);
        Operation op = activity.start("Switch traffic to green", "prod-1");
        op.progress(0.6);
        op.log("health gate: shop-web-green healthy (3/3 checks)");
        op.log("draining shop-web-blue…");
        activity.start("Pull registry.local/api:1.5.0", "prod-1").succeed();
        robot.interact(() -> shell.controller().toggleActivity());
        var operations = robot.lookup(".activity-drawer .list-view").queryAs(javafx.scene.control.ListView.class);
        waitFor(() -> operations.getItems().size() == 2);
        robot.interact(() -> operations.getSelectionModel().select(1));
        op.log("switched 50% of traffic");
        var log = robot.lookup(".activity-drawer .text-area").queryAs(javafx.scene.control.TextArea.class);
        waitFor(() -> log.getText().contains("50%"));
        robot.interact(() -> operations.getSelectionModel().select(0));
        op.log("switched 100% of traffic");
        waitFor(() -> ((io.turnout.activity.OperationSnapshot) operations.getItems().get(1)).log().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((io.turnout.activity.OperationSnapshot) operations.getSelectionModel().getSelectedItem()).title()).startsWith("Pull");
        assertThat(log.getText()).doesNotContain("traffic");
        robot.interact(() -> operations.getSelectionModel().select(1));
        Screenshots.saveTo(Screenshots.TARGET, "shell-light.png", stage.getScene());
        robot.interact(() -> shell.theme().choose(ThemeManager.DARK));
        Screenshots.saveTo(Screenshots.TARGET, "shell-dark.png", stage.getScene());
        robot.interact(() -> shell.controller().navigator().openContainer(host.target(), rows.get(2), true));
        waitFor(() -> !robot.lookup(".log-view .list-cell").queryAll().isEmpty());
        assertThat(robot.lookup(".log-view .list-cell").queryAs(javafx.scene.control.ListCell.class).getFont().getFamily())
                .as("log lines use the monospace font").containsIgnoringCase("mono");
        Screenshots.saveTo(Screenshots.TARGET, "detail-logs-dark.png", stage.getScene());
        robot.interact(() -> shell.theme().choose(ThemeManager.LIGHT));
        Screenshots.saveTo(Screenshots.TARGET, "detail-logs-light.png", stage.getScene());
        robot.interact(() -> shell.controller().showPalette());
        robot.write("shop");
        Screenshots.saveTo(Screenshots.TARGET, "palette-light.png", stage.getScene());
    }

    private ContainerRow selectedRow(FxRobot robot) {
        var item = table(robot).getSelectionModel().getSelectedItem();
        return item != null && item.getValue() instanceof ContainerItem c ? c.row() : null;
    }

    private static javafx.scene.control.TreeItem<ContainersNode> findRow(TreeTableView<ContainersNode> table, String id) {
        for (int i = 0; i < table.getExpandedItemCount(); i++) {
            var item = table.getTreeItem(i);
            if (item.getValue() instanceof ContainerItem c && c.id().equals(id)) {
                return item;
            }
        }
        return null;
    }
}
