package io.turnout.ui.connect;

import io.turnout.testing.Screenshots;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The SSH prompts in a real window, opened the way the SSH layer opens them: from a background thread that waits. */
@ExtendWith(ApplicationExtension.class)
class ConnectDialogsUiIT {

    private static final HostKey KEY = new HostKey("prod-1.example.net:2222", "ssh-ed25519",
            "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8");

    private ConnectPrompts prompts;

    @Start
    void start(Stage stage) {
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(new Label("Turnout")), 900, 600));
        stage.setWidth(900);
        stage.setHeight(600);
        stage.show();
        prompts = new ConnectPrompts(() -> stage);
    }

    @Test
    void unknownHostKeyShowsTheFingerprintAndEnterOrEscapeCancels(FxRobot robot) throws Exception {
        for (KeyCode key : new KeyCode[] {KeyCode.ENTER, KeyCode.ESCAPE}) {
            CompletableFuture<HostKeyDecision> answer = ask();
            DialogPane pane = dialog(robot, "Unknown host key");
            assertThat(robot.from(pane).lookup(".fingerprint").queryAs(Label.class).getText()).isEqualTo(KEY.fingerprint());
            assertThat(pane.getButtonTypes()).extracting(ButtonType::getText)
                    .containsExactly("Trust this time", "Trust and remember", "Cancel connection");
            Button cancel = (Button) pane.lookupButton(HostKeyDialog.CANCEL);
            assertThat(cancel.isDefaultButton()).isTrue();
            assertThat(cancel.isCancelButton()).isTrue();
            assertThat(((Button) pane.lookupButton(HostKeyDialog.TRUST_REMEMBER)).isDefaultButton()).isFalse();
            if (key == KeyCode.ENTER) {
                Screenshots.saveTo(Screenshots.TARGET, "host-key-unknown.png", pane.getScene());
            }
            robot.type(key);
            assertThat(answer.get(5, TimeUnit.SECONDS)).as("answer to %s", key).isEqualTo(HostKeyDecision.CANCEL);
        }
    }

    @Test
    void trustAndRememberIsOnlyChosenByClickingIt(FxRobot robot) throws Exception {
        CompletableFuture<HostKeyDecision> answer = ask();
        DialogPane pane = dialog(robot, "Unknown host key");
        robot.clickOn((Button) pane.lookupButton(HostKeyDialog.TRUST_REMEMBER));
        assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo(HostKeyDecision.TRUST_AND_REMEMBER);
    }

    @Test
    void changedHostKeyShowsBothFingerprints(FxRobot robot) throws Exception {
        String old = "SHA256:oldoldoldoldoldoldoldoldoldoldoldoldoldold1";
        CompletableFuture<Void> shown = CompletableFuture.runAsync(() -> {
            try {
                prompts.showChangedHostKey("prod-1", "ssh-ed25519", old, KEY.fingerprint());
            } catch (InterruptedException e) {
                throw new CompletionException(e);
            }
        });
        DialogPane pane = dialog(robot, "Host key changed");
        assertThat(robot.from(pane).lookup(".fingerprint").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactlyInAnyOrder(old, KEY.fingerprint());
        Screenshots.saveTo(Screenshots.TARGET, "host-key-changed.png", pane.getScene());
        robot.type(KeyCode.ESCAPE);
        shown.get(5, TimeUnit.SECONDS);
    }

    @Test
    void passphraseAndAddHostDialogsLookRight(FxRobot robot) throws Exception {
        CompletableFuture<java.util.Optional<char[]>> pass = CompletableFuture.supplyAsync(() -> {
            try {
                return prompts.askPassphrase("~/.ssh/id_ed25519 (ED25519)");
            } catch (InterruptedException e) {
                throw new CompletionException(e);
            }
        });
        DialogPane pane = dialog(robot, "Passphrase");
        Screenshots.saveTo(Screenshots.TARGET, "passphrase.png", pane.getScene());
        robot.type(KeyCode.ESCAPE);
        assertThat(pass.get(5, TimeUnit.SECONDS)).isEmpty();

        robot.interact(() -> new AddHostDialog(robot.listTargetWindows().getFirst()).show());
        DialogPane add = dialog(robot, "Add host");
        robot.write("ssh://deploy@prod-");
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.saveTo(Screenshots.TARGET, "add-host.png", add.getScene());
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void addHostSuggestsKnownHostsAndRemembersOnlyNewOnes(FxRobot robot) throws Exception {
        var catalog = javafx.collections.FXCollections.observableArrayList(io.turnout.ui.fixtures.KnownHostsFixture.all());
        var dialog = new java.util.concurrent.atomic.AtomicReference<AddHostDialog>();
        robot.interact(() -> {
            dialog.set(new AddHostDialog(robot.listTargetWindows().getFirst(), catalog));
            dialog.get().show();
        });
        DialogPane pane = dialog(robot, "Add host");
        var suggestions = robot.from(pane).lookup(".list-view").queryAs(javafx.scene.control.ListView.class);
        assertThat(suggestions.getItems()).hasSize(5);
        Screenshots.saveTo(Screenshots.TARGET, "add-host-suggestions.png", pane.getScene());

        robot.write("stag");
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        var field = robot.from(pane).lookup(".text-field").queryAs(javafx.scene.control.TextField.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "staging-2".equals(field.getText()));
        var remember = robot.from(pane).lookup(".check-box").queryAs(javafx.scene.control.CheckBox.class);
        assertThat(remember.isVisible()).as("a known host is not remembered again").isFalse();
        assertThat(dialog.get().isShowing()).as("Enter took the suggestion, it did not add yet").isTrue();
        Screenshots.saveTo(Screenshots.TARGET, "add-host-known.png", pane.getScene());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !dialog.get().isShowing());
        assertThat(dialog.get().getResult().target().toString()).isEqualTo("ssh://staging-2");
        assertThat(dialog.get().getResult().remember()).isFalse();

        robot.interact(() -> {
            dialog.set(new AddHostDialog(robot.listTargetWindows().getFirst(), catalog));
            dialog.get().show();
        });
        DialogPane again = dialog(robot, "Add host");
        robot.write("ssh://root@new-1");
        var remember2 = robot.from(again).lookup(".check-box").queryAs(javafx.scene.control.CheckBox.class);
        assertThat(remember2.isVisible()).isTrue();
        assertThat(remember2.isSelected()).as("checked by default").isTrue();
        Screenshots.saveTo(Screenshots.TARGET, "add-host-new.png", again.getScene());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !dialog.get().isShowing());
        assertThat(dialog.get().getResult().remember()).isTrue();
        assertThat(dialog.get().getResult().profileName()).isEqualTo("root@new-1");
    }

    private CompletableFuture<HostKeyDecision> ask() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return prompts.askUnknownHostKey(KEY);
            } catch (InterruptedException e) {
                throw new CompletionException(e);
            }
        });
    }

    private static DialogPane dialog(FxRobot robot, String title) throws Exception {
        Callable<DialogPane> find = () -> robot.listWindows().stream()
                .filter(Window::isShowing).filter(w -> w instanceof Stage s && title.equals(s.getTitle()))
                .map(w -> w.getScene().getRoot().lookup(".dialog-pane")).filter(DialogPane.class::isInstance).map(DialogPane.class::cast)
                .findFirst().orElse(null);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> find.call() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return find.call();
    }
}
