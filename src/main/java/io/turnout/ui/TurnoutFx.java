package io.turnout.ui;

import io.turnout.ui.shell.Shell;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Starts the JavaFX toolkit without an {@code Application} subclass (no static hand-off of
 * dependencies), mounts the shell built by {@code shells} in a new Stage, and blocks until the
 * window closes.
 *
 * <p>{@link #prestart()} lets the composition root start the toolkit (~300 ms) on its own thread
 * while it wires the engine, so both overlap. The toolkit is process-global by JavaFX's design;
 * the one static here only mirrors that.
 */
public final class TurnoutFx {

    private static final CompletableFuture<Void> TOOLKIT = new CompletableFuture<>();
    private static final Object LOCK = new Object();
    private static boolean starting;

    private TurnoutFx() {
    }

    /** Starts the toolkit in the background; idempotent, returns at once. */
    public static void prestart() {
        synchronized (LOCK) {
            if (starting) {
                return;
            }
            starting = true;
        }
        Thread.ofPlatform().name("fx-prestart").daemon().start(() -> {
            try {
                Platform.startup(() -> TOOLKIT.complete(null));
            } catch (RuntimeException | Error e) {
                TOOLKIT.completeExceptionally(e);
            }
        });
    }

    /** {@code shells} runs on the FX thread. Returns when the main window has closed. */
    public static void run(Supplier<Shell> shells) throws InterruptedException {
        run(shells, stage -> { });
    }

    /** As {@link #run(Supplier)}; {@code decorate} sees the stage before it is shown (icons, hooks). */
    public static void run(Supplier<Shell> shells, Consumer<Stage> decorate) throws InterruptedException {
        prestart();
        try {
            TOOLKIT.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("JavaFX could not start: " + e.getCause().getMessage(), e.getCause());
        }
        CountDownLatch closed = new CountDownLatch(1);
        Platform.runLater(() -> {
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
