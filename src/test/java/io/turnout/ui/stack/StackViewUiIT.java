package io.turnout.ui.stack;

import io.turnout.testing.Screenshots;
import io.turnout.activity.ActivityLog;
import io.turnout.activity.OperationStatus;
import io.turnout.connect.DefaultHostConnector;
import io.turnout.connect.LazyDockerHost;
import io.turnout.connect.StackHosts;
import io.turnout.docker.DockerHost;
import io.turnout.docker.DockerHostFactory;
import io.turnout.plan.PlanResult;
import io.turnout.plan.RunOptions;
import io.turnout.profile.ProfileStore;
import io.turnout.release.DockerStackOperations;
import io.turnout.ssh.HostKeyPrompt;
import io.turnout.ssh.SecretPrompt;
import io.turnout.ssh.SshConfigFile;
import io.turnout.ssh.SshOptions;
import io.turnout.stack.Color;
import io.turnout.stack.StackSpecs;
import io.turnout.testing.Sandbox;
import io.turnout.ui.common.FxTaskRunner;
import io.turnout.ui.shell.Shell;
import io.turnout.ui.shell.ShellFactory;
import io.turnout.ui.shell.UiStateStore;
import javafx.application.ColorScheme;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import io.turnout.app.EngineMigrationServices;
import io.turnout.db.Backups;
import io.turnout.db.DbConnector;
import javafx.scene.control.TreeCell;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stack view and the upgrade wizard in a real window (Xvfb) on the real engine: a stack applied
 * on the sandbox host (dockerd through sshd, HAProxy router, app:v1 on blue), upgraded to app:v2 by
 * driving the wizard with automatic switch; green ends active with v2 and the switch probe saw no
 * failed request; then rolled back to blue through the rollback dialog. Writes the README's
 * screenshots of the stack view and the wizard.
 */
@ExtendWith(ApplicationExtension.class)
class StackViewUiIT {

    private static final String STACK = "shop" + UUID.randomUUID().toString().substring(0, 4);
    /** The stack's database as its turnout.yml names it: no password there. */
    private static final String DATABASE = Sandbox.pgUrl().replaceAll("[?&]password=[^&]*", "");

    @TempDir
    static Path config;

    private static DockerHost setupHost;
    private static DockerStackOperations setup;

    private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    private final ActivityLog activity = new ActivityLog(Clock.systemUTC());
    private LazyDockerHost host;
    private Stage stage;

    private static DefaultHostConnector connector(Path profiles) {
        SshConfigFile cfg = SshConfigFile.explicit(Sandbox.sshConfig());
        return new DefaultHostConnector(DockerHostFactory.withDefaults(), cfg,
                SshOptions.defaults(cfg, HostKeyPrompt.rejecting(), SecretPrompt.none()), new ProfileStore(profiles));
    }

    /** Applied through the engine, as `turnout stack apply` would: app:v1 on blue behind HAProxy on a free port. */
    @BeforeAll
    static void applyStack() throws IOException {
        setupHost = connector(Files.createTempDirectory("turnout-ui-it")).open(Sandbox.host());
        setup = new DockerStackOperations(StackHosts.of(setupHost), STACK, Clock.systemUTC(), 5);
        String yaml = io.turnout.testing.StackYaml.web(STACK, freePort(), "5s", io.turnout.testing.StackYaml.database(DATABASE));
        PlanResult applied = setup.execute(setup.planApply(StackSpecs.parse(yaml)), RunOptions.simple("ui-it"));
        assertThat(applied.succeeded()).as("apply: %s", applied.error()).isTrue();
    }

    @AfterAll
    static void removeStack() {
        if (setup == null) {
            return;
        }
        try {
            setup.lock().ifPresent(l -> setup.forceReleaseLock());
            PlanResult removed = setup.execute(setup.planRemove(), RunOptions.simple("ui-it-cleanup"));
            assertThat(removed.succeeded()).as("remove: %s", removed.error()).isTrue();
        } finally {
            setupHost.close();
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        host = new LazyDockerHost("turnout-sandbox", connector(config), pool);
        host.connect();
        Shell shell = new ShellFactory(List.of(host), activity, FxTaskRunner.withDaemonPool(), new UiStateStore(config),
                java.time.Instant::now, new SimpleObjectProperty<>(ColorScheme.LIGHT), request -> { })
                .withStacks((h, stack) -> new DockerStackOperations(StackHosts.of(h), stack, Clock.systemUTC(), 5))
                .withMigrations(new EngineMigrationServices(DbConnector.direct(), new Backups(config.resolve("backups"), Clock.systemUTC(), 3),
                        System.getenv(), Clock.systemUTC()))
                .create();
        shell.mount(stage);
        stage.setWidth(1400);
        stage.setHeight(860);
        stage.show();
    }

    @AfterEach
    void closeHost() {
        host.close();
        pool.shutdown();
    }

    @Test
    void upgradeWizardTakesBlueV1ToGreenV2AndTheRollbackDialogTakesItBackWithNoFailedRequest(FxRobot robot) throws Exception {
        // Select it, then Enter: other tests' stacks may come and go on the shared sandbox meanwhile, and the
        // keyed sidebar keeps a selection where a double-click could land on a cell that moved.
        waitFor(30, () -> sidebarCell(robot, STACK) != null);
        robot.clickOn(sidebarCell(robot, STACK));
        waitFor(5, () -> robot.lookup(".sidebar .tree-cell:selected").tryQuery()
                .map(n -> STACK.equals(((TreeCell<?>) n).getText())).orElse(false));
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitFor(30, () -> cardSays(robot, "blue", "ACTIVE") && cardSays(robot, "blue", "v1"));
        assertThat(StackViewFixtureUiIT.text(card(robot, "green"))).contains("EMPTY");

        robot.clickOn("Upgrade…");
        waitFor(10, () -> wizard() != null);
        TextField image = robot.lookup(".upgrade-wizard .text-field").queryAs(TextField.class);
        assertThat(image.getText()).isEqualTo("turnout-fixture/app:v1");
        robot.interact(() -> image.setText("turnout-fixture/app:v2"));
        robot.clickOn("Next");
        robot.clickOn("Switch traffic automatically once it is healthy");
        robot.clickOn("Preview plan");
        waitFor(30, () -> button(robot, "Upgrade web to v2") != null);
        waitFor(5, () -> robot.lookup(".upgrade-wizard .step-cell").queryAll().stream().map(StackViewFixtureUiIT::text)
                .anyMatch(t -> t.contains("changes traffic") && t.contains("Switch traffic of web from blue")));
        robot.clickOn(button(robot, "Upgrade web to v2"));

        waitFor(120, () -> robot.lookup(".upgrade-wizard .run-outcome").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.isVisible() && !l.getText().isEmpty()));
        Label summary = robot.lookup(".upgrade-wizard .wizard-page .run-outcome").queryAs(Label.class);
        assertThat(summary.getText()).startsWith("web now serves v2 from green.");
        assertThat(robot.lookup(".upgrade-wizard .wizard-page .probe-figure").queryAllAs(Label.class))
                .extracting(Label::getText).element(1).isEqualTo("0");
        Screenshots.save("upgrade-wizard.png", wizard().getScene());
        assertThat(setup.status().services().getFirst().active()).isEqualTo(Color.GREEN);
        assertThat(setup.history(1).getFirst().probe().failed()).isZero();
        assertThat(activity.feed().current().getFirst().status()).isEqualTo(OperationStatus.SUCCEEDED);

        robot.clickOn(button(robot, "Close"));
        waitFor(10, () -> wizard() == null);
        waitFor(30, () -> cardSays(robot, "green", "ACTIVE") && cardSays(robot, "green", "v2")
                && cardSays(robot, "blue", "STANDBY"));
        waitFor(10, () -> button(robot, "Roll back to blue (v1)") != null);
        // the run is over once its lock is gone: the view must then show the stack free and nothing interrupted
        waitFor(30, () -> robot.lookup(".stack-lock").queryAs(Label.class).getText().contains("free")
                && !robot.lookup(".interrupted-banner").query().isVisible());
        Screenshots.save("stack-view.png", stage.getScene());

        robot.clickOn(button(robot, "Roll back to blue (v1)"));
        waitFor(30, () -> robot.lookup(".plan-dialog .step-cell").queryAll().stream().map(StackViewFixtureUiIT::text)
                .anyMatch(t -> t.contains("Roll back traffic of web") && t.contains("blue weight 0 → 100")));
        robot.clickOn(robot.lookup(".plan-dialog .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals("Roll back to blue (v1)")).findFirst().orElseThrow());
        waitFor(60, () -> robot.lookup(".plan-dialog .run-outcome").queryAs(Label.class).getText().startsWith("Done"));
        assertThat(robot.lookup(".plan-dialog .probe-figure").queryAllAs(Label.class)).extracting(Label::getText)
                .element(1).isEqualTo("0");
        robot.clickOn(button(robot, "Close"));
        waitFor(30, () -> cardSays(robot, "blue", "ACTIVE") && cardSays(robot, "green", "STANDBY"));
        assertThat(setup.status().services().getFirst().active()).isEqualTo(Color.BLUE);

        // maintenance from the header: a previewed plan, the badge while it is on, then back off
        robot.clickOn(button(robot, "Maintenance page…"));
        waitFor(30, () -> robot.lookup(".plan-dialog .button").queryAllAs(Button.class).stream()
                .anyMatch(b -> b.getText().equals("Show the maintenance page") && !b.isDisabled()));
        robot.clickOn(robot.lookup(".plan-dialog .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals("Show the maintenance page")).findFirst().orElseThrow());
        waitFor(60, () -> robot.lookup(".plan-dialog .run-outcome").queryAs(Label.class).getText().startsWith("Done"));
        robot.clickOn(button(robot, "Close"));
        waitFor(30, () -> robot.lookup(".maintenance-badge").query().isVisible());
        assertThat(setup.status().maintenance()).isTrue();
        robot.clickOn(button(robot, "End maintenance"));
        waitFor(30, () -> robot.lookup(".plan-dialog .button").queryAllAs(Button.class).stream()
                .anyMatch(b -> b.getText().equals("End maintenance") && !b.isDisabled()));
        robot.clickOn(robot.lookup(".plan-dialog .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals("End maintenance")).findFirst().orElseThrow());
        waitFor(60, () -> robot.lookup(".plan-dialog .run-outcome").queryAs(Label.class).getText().startsWith("Done"));
        robot.clickOn(button(robot, "Close"));
        waitFor(30, () -> !robot.lookup(".maintenance-badge").query().isVisible());
        assertThat(setup.status().maintenance()).isFalse();

        // the migration wizard from the stack is bound to it: named after stack and host, its database prefilled
        robot.clickOn(button(robot, "Migrate database…"));
        waitFor(30, () -> migrationWizard() != null);
        assertThat(((Stage) migrationWizard()).getTitle()).isEqualTo("Migrate database of " + STACK + " · turnout-sandbox");
        waitFor(5, () -> DATABASE.equals(robot.from(migrationWizard().getScene().getRoot()).lookup("#database")
                .queryAs(TextField.class).getText()));
        robot.interact(() -> ((Stage) migrationWizard()).close());
    }

    private static Window migrationWizard() {
        return Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.getScene() != null && w.getScene().getRoot().getStyleClass().contains("migration-wizard"))
                .findFirst().orElse(null);
    }

    private static Node sidebarCell(FxRobot robot, String text) {
        return robot.lookup(".sidebar .tree-cell").queryAll().stream()
                .filter(n -> text.equals(((TreeCell<?>) n).getText())).findFirst().orElse(null);
    }

    private static Node card(FxRobot robot, String color) {
        return robot.lookup("#env-" + color).tryQuery().orElse(null);
    }

    private static boolean cardSays(FxRobot robot, String color, String text) {
        Node card = card(robot, color);
        return card != null && StackViewFixtureUiIT.text(card).contains(text);
    }

    private static Button button(FxRobot robot, String text) {
        return robot.lookup(".button").queryAllAs(Button.class).stream()
                .filter(b -> text.equals(b.getText()) && b.isVisible()).findFirst().orElse(null);
    }

    private static Window wizard() {
        return Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().getRoot().getStyleClass().contains("upgrade-wizard"))
                .findFirst().orElse(null);
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        io.turnout.testing.FxWait.until(seconds, condition);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
