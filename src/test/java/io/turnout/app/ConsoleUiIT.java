package io.turnout.app;

import io.turnout.testing.Screenshots;
import io.turnout.activity.ActivityLog;
import io.turnout.connect.DefaultHostConnector;
import io.turnout.connect.LazyDockerHost;
import io.turnout.demo.DemoStack;
import io.turnout.release.StackHost;
import io.turnout.stack.LocalStateStore;
import io.turnout.target.PortReach;
import io.turnout.docker.DockerClients;
import io.turnout.docker.DockerHostFactory;
import io.turnout.docker.EngineClients;
import io.turnout.profile.ProfileStore;
import io.turnout.ssh.HostKeyPrompt;
import io.turnout.ssh.SecretPrompt;
import io.turnout.ssh.SshConfigFile;
import io.turnout.ssh.SshOptions;
import io.turnout.target.TargetUri;
import io.turnout.testing.Sandbox;
import io.turnout.testing.SandboxContainers;
import io.turnout.ui.common.FxTaskRunner;
import io.turnout.ui.containers.ContainerItem;
import io.turnout.ui.containers.ContainersNode;
import io.turnout.ui.shell.Shell;
import io.turnout.ui.shell.ShellFactory;
import io.turnout.ui.shell.UiStateStore;
import javafx.application.ColorScheme;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
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
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real window (Xvfb) on the real engine: the sandbox dockerd reached through the
 * sandbox sshd. A container started out of band appears live; its logs open and stream. Also
 * writes the README's screenshots to docs/images/.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleUiIT {

    @TempDir
    static Path config;

    private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    private EngineClients admin;
    private SandboxContainers containers;
    private LazyDockerHost host;
    private Shell shell;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        admin = DockerClients.withDefaults().forTarget(TargetUri.parse(Sandbox.dockerHost()));
        containers = new SandboxContainers(admin.api());
        // what a newcomer sees: the demo stack, blue active (state files in a temp dir, ports local)
        new DemoStack(new StackHost(TargetUri.parse(Sandbox.dockerHost()), admin.api(), new LocalStateStore(config.resolve("stacks")),
                PortReach.LOCAL, "it@console")).ensureRunning();
        SshConfigFile cfg = SshConfigFile.explicit(Sandbox.sshConfig());
        DefaultHostConnector connector = new DefaultHostConnector(DockerHostFactory.withDefaults(), cfg,
                SshOptions.defaults(cfg, HostKeyPrompt.rejecting(), SecretPrompt.none()), new ProfileStore(config));
        host = new LazyDockerHost("turnout-sandbox", connector, pool);
        host.connect();
        shell = new ShellFactory(List.of(host), new ActivityLog(Clock.systemUTC()), FxTaskRunner.withDaemonPool(),
                new UiStateStore(config), Instant::now, new SimpleObjectProperty<>(ColorScheme.LIGHT), request -> { })
                .create();
        shell.mount(stage);
        stage.setWidth(1400);
        stage.setHeight(820);
        stage.show();
    }

    @AfterEach
    void cleanUp() {
        containers.close();
        host.close();
        admin.close();
        pool.shutdown();
    }

    @Test
    void connectsOverSshSeesAContainerAppearLiveAndStreamsItsLogs(FxRobot robot) throws Exception {
        waitFor(30, () -> robot.lookup(".status-item").queryAll().stream()
                .anyMatch(n -> n instanceof Label l && l.getText().startsWith("turnout-sandbox: connected")));
        waitFor(10, () -> findRow(table(robot), "demo-web-blue") != null);

        String id = containers.cliRun("turnout-fixture/app:v2", "--name", "demo-web-green",
                "--label", "io.turnout.stack=demo", "--label", "io.turnout.service=web", "--label", "io.turnout.color=green");
        waitFor(5, () -> findRow(table(robot), "demo-web-green") != null);
        assertThat(((ContainerItem) findRow(table(robot), "demo-web-green").getValue()).id()).isEqualTo(id);
        waitFor(20, () -> ((ContainerItem) findRow(table(robot), "demo-web-green").getValue()).row().health()
                == io.turnout.docker.Health.HEALTHY);
        Screenshots.save("console.png", stage.getScene());

        // Open it as an operator would: select the row, press Enter, go to the Logs tab.
        robot.interact(() -> {
            table(robot).requestFocus();
            table(robot).getSelectionModel().select(findRow(table(robot), "demo-web-green"));
        });
        robot.type(KeyCode.ENTER);
        TabPane tabs = robot.lookup(".main-tabs").queryAs(TabPane.class);
        waitFor(5, () -> "demo-web-green".equals(tabs.getSelectionModel().getSelectedItem().getText()));
        robot.clickOn("Logs");
        // The image's HEALTHCHECK requests /health every 2 s; each request is a log line.
        waitFor(20, () -> robot.lookup(".log-view").queryAll().stream()
                .filter(ListView.class::isInstance).map(ListView.class::cast)
                .anyMatch(v -> v.getItems().stream().anyMatch(i -> String.valueOf(i).contains("GET /health 200"))));
        Screenshots.save("logs.png", stage.getScene());
    }

    private TreeTableView<ContainersNode> table(FxRobot robot) {
        return robot.lookup(".containers-view .tree-table-view").queryAs(TreeTableView.class);
    }

    private static TreeItem<ContainersNode> findRow(TreeTableView<ContainersNode> table, String name) {
        for (int i = 0; i < table.getExpandedItemCount(); i++) {
            TreeItem<ContainersNode> item = table.getTreeItem(i);
            if (item != null && item.getValue() instanceof ContainerItem c && c.row().name().equals(name)) {
                return item;
            }
        }
        return null;
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        io.turnout.testing.FxWait.until(seconds, condition);
    }
}
