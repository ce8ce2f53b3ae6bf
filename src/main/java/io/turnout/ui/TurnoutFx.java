package io.turnout.ui;

import io.turnout.ui.shell.Shell;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * Starts the JavaFX toolkit without an {@code Application} subclass (no static hand-off of
 * dependencies), mounts the shell built by {@code shells} in a new Stage, and blocks until the
 * window closes. The composition root calls it from {@code main}:
 * {@code TurnoutFx.run(() -> new ShellFactory(hosts, activity, runner, store, Instant::now,
 * Platform.getPreferences().colorSchemeProperty(), onAddHost).create())}.
 */
public final class TurnoutFx {

    private TurnoutFx() {
    }

    /** {@code shells} runs on the FX thread. Returns when the main window has closed. */
    public static void run(Supplier<Shell> shells) throws InterruptedException {
        run(shells, stage -> { });
    }

    /** As {@link #run(Supplier)}; {@code decorate} sees the stage before it is shown (icons, hooks). */
    public static void run(Supplier<Shell> shells, java.util.function.Consumer<Stage> decorate) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        Platform.startup(() -> {
            Stage stage = new Stage();
            decorate.accept(stage);
            shells.get().mount(stage);
            stage.setOnHidden(e -> closed.countDown());
            stage.show();
        });
        closed.await();
        Platform.exit();
    }
}
