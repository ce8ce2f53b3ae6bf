package io.turnout.ui.common;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** The production runner: work on a background pool, callbacks through {@code Platform.runLater}. */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {

    private final ExecutorService background;

    public FxTaskRunner(ExecutorService background) {
        this.background = background;
    }

    /** A cached pool of daemon threads named {@code turnout-task-N}, so a hung call never blocks exit. */
    public static FxTaskRunner withDaemonPool() {
        AtomicInteger n = new AtomicInteger();
        return new FxTaskRunner(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "turnout-task-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }));
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        background.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Throwable t) {
                Platform.runLater(() -> onError.accept(t));
            }
        });
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
