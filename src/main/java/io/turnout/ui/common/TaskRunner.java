package io.turnout.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs blocking engine calls (SSH, Docker, JDBC) away from the FX thread and hands the outcome
 * back to it. View-models get one injected; tests inject {@link ImmediateTaskRunner} so they run
 * on one thread without a toolkit.
 */
public interface TaskRunner {

    /** Exactly one of the callbacks runs, on the FX thread (the caller's thread in tests). */
    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError);
}
