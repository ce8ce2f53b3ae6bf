package io.turnout.ui.stack;

import io.turnout.testing.Screenshots;
import io.turnout.activity.ActivityLog;
import io.turnout.activity.OperationStatus;
import io.turnout.docker.ContainerRow;
import io.turnout.stack.Color;
import io.turnout.ui.common.FxTaskRunner;
import io.turnout.ui.fixtures.FixtureDockerHost;
import io.turnout.ui.fixtures.Rows;
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
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stack view, wizard and switch dialog in a real window over {@link InMemoryStackOperations}
 * (a view-model double, not an engine) and a {@link FixtureDockerHost}: what the operator sees and
 * presses, without the sandbox. The engine end to end is {@code StackViewUiIT}.
 */
@ExtendWith(ApplicationExtension.class)
class StackViewFixtureUiIT {

    @TempDir
    static Path config;

    private final InMemoryStackOperations ops = new InMemoryStackOperations("shop", "turnout-fixture/app:v1");
    private final FixtureDockerHost host = new FixtureDockerHost("ssh://deploy@prod-1",
            Rows.snapshot(1, Rows.realistic().toArray(ContainerRow[]::new)));
    private final ActivityLog activity = new ActivityLog(Clock.systemUTC());
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Shell shell = new ShellFactory(List.of(host), activity, FxTaskRunner.withDaemonPool(), new UiStateStore(config),
                () -> Rows.T0, new SimpleObjectProperty<>(ColorScheme.LIGHT), request -> { })
                .withStacks((h, stack) -> ops).create();
        shell.mount(stage);
        stage.setWidth(1400);
        stage.setHeight(860);
        stage.show();
    }

    @Test
    void upgradeAskingBeforeTheSwitchThenRollBackFromTheCards(FxRobot robot) throws Exception {
        openStackFromTheSidebar(robot, "shop");
        waitFor(() -> card(robot, "blue") != null && text(card(robot, "blue")).contains("ACTIVE"));
        assertThat(text(card(robot, "blue"))).contains("v1", "100% of traffic", "1/1 running", "UP · L7OK/200 in 1ms");
        assertThat(text(card(robot, "green"))).contains("EMPTY");
        Screenshots.saveTo(Screenshots.TARGET, "fixture-stack-view.png", stage.getScene());

        robot.clickOn("Upgrade…");
        waitFor(() -> wizardWindow() != null);
        TextField image = robot.lookup(".upgrade-wizard .text-field").queryAs(TextField.class);
        assertThat(image.getText()).isEqualTo("turnout-fixture/app:v1");
        robot.interact(() -> image.setText("turnout-fixture/app:v2"));
        robot.clickOn("Next");
        robot.clickOn("Ask me before switching traffic");
        robot.clickOn("Preview plan");
        waitFor(() -> buttonNamed(robot, "Upgrade web to v2") != null);
        Screenshots.saveTo(Screenshots.TARGET, "fixture-upgrade-preview.png", wizardWindow().getScene());
        robot.clickOn(buttonNamed(robot, "Upgrade web to v2"));

        waitFor(() -> buttonNamed(robot, "Switch traffic to green") != null && buttonNamed(robot, "Switch traffic to green").isVisible());
        assertThat(ops.services.get("web").active).isEqualTo(Color.BLUE);
        Screenshots.saveTo(Screenshots.TARGET, "fixture-upgrade-gate.png", wizardWindow().getScene());
        robot.clickOn(buttonNamed(robot, "Switch traffic to green"));

        waitFor(() -> robot.lookup(".upgrade-wizard .run-outcome").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.isVisible() && l.getText().startsWith("web now serves v2 from green")));
        assertThat(ops.services.get("web").active).isEqualTo(Color.GREEN);
        Screenshots.saveTo(Screenshots.TARGET, "fixture-upgrade-summary.png", wizardWindow().getScene());
        robot.clickOn("Close");
        waitFor(() -> wizardWindow() == null);

        waitFor(() -> card(robot, "green") != null && text(card(robot, "green")).contains("ACTIVE"));
        assertThat(activity.feed().current().getFirst().status()).isEqualTo(OperationStatus.SUCCEEDED);
        robot.clickOn("Roll back to blue (v1)");
        waitFor(() -> buttonNamed(robot, "Roll back to blue (v1)") != null && robot.lookup(".plan-dialog").tryQuery().isPresent());
        waitFor(() -> robot.lookup(".plan-dialog .step-cell").queryAll().stream().anyMatch(n -> text(n).contains("weight blue 0 → 1")));
        Screenshots.saveTo(Screenshots.TARGET, "fixture-rollback-preview.png", robot.lookup(".plan-dialog").query().getScene());
        robot.clickOn(robot.lookup(".plan-dialog .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals("Roll back to blue (v1)")).findFirst().orElseThrow());
        waitFor(() -> ops.services.get("web").active == Color.BLUE);
        waitFor(() -> robot.lookup(".plan-dialog .run-outcome").queryAs(Label.class).getText().startsWith("Done"));
        robot.type(KeyCode.ESCAPE);
        waitFor(() -> robot.lookup(".plan-dialog").tryQuery().isEmpty());
        robot.clickOn("History");
        waitFor(() -> robot.lookup(".stack-history").queryTableView().getItems().size() == 2);
        Screenshots.saveTo(Screenshots.TARGET, "fixture-history.png", stage.getScene());
    }

    private void openStackFromTheSidebar(FxRobot robot, String stack) throws Exception {
        waitFor(() -> robot.lookup(".sidebar .tree-cell").queryAll().stream().anyMatch(n -> stack.equals(((TreeCell<?>) n).getText())));
        Node cell = robot.lookup(".sidebar .tree-cell").queryAll().stream()
                .filter(n -> stack.equals(((TreeCell<?>) n).getText())).findFirst().orElseThrow();
        robot.doubleClickOn(cell);
    }

    private static Node card(FxRobot robot, String color) {
        return robot.lookup("#env-" + color).tryQuery().orElse(null);
    }

    private static Button buttonNamed(FxRobot robot, String text) {
        return robot.lookup(".button").queryAllAs(Button.class).stream().filter(b -> text.equals(b.getText())).findFirst().orElse(null);
    }

    /** Every label's text under {@code node}, joined: what a reader of the card sees. */
    static String text(Node node) {
        StringBuilder out = new StringBuilder();
        if (node instanceof javafx.scene.control.Labeled l && l.getText() != null) {
            out.append(l.getText()).append('\n');
        }
        if (node instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> out.append(text(c)));
        }
        if (node instanceof javafx.scene.control.Control c && c.getSkin() == null && node instanceof atlantafx.base.controls.Card card) {
            java.util.Arrays.asList(card.getHeader(), card.getBody(), card.getFooter()).forEach(n -> out.append(n == null ? "" : text(n)));
        }
        return out.toString();
    }

    private static Window wizardWindow() {
        return Window.getWindows().stream().filter(w -> w.getScene() != null && w.getScene().getRoot().getStyleClass().contains("upgrade-wizard"))
                .findFirst().orElse(null);
    }

    private void waitFor(Callable<Boolean> condition) throws Exception {
        io.turnout.testing.FxWait.until(10, condition);
    }
}
