package io.turnout.ui.common;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * For engine callbacks that ask the operator something from a background thread (SSH host-key
 * and passphrase prompts): runs {@code onFx} on the FX thread and waits for its answer.
 */
public final class FxBlocking {

    private FxBlocking() {
    }

    /**
     * @throws IllegalStateException when called on the FX thread (it would deadlock)
     * @throws InterruptedException  when the waiting thread is interrupted (e.g. connect cancelled)
     */
    public static <T> T callAndWait(Callable<T> onFx) throws InterruptedException {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("callAndWait blocks until the FX thread answers; call it from a background thread");
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(onFx.call());
            } catch (Throwable t) {
                answer.completeExceptionally(t);
            }
        });
        try {
            return answer.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("Dialog failed: " + e.getCause(), e.getCause());
        }
    }
}
