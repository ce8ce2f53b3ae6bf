package io.turnout.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs work and its callback on the calling thread: for view-model tests and tiny tools. */
public final class ImmediateTaskRunner implements TaskRunner {

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onError.accept(e);
            return;
        }
        onSuccess.accept(result);
    }
}
