package io.turnout.ui.stack;

import io.turnout.ui.common.TaskRunner;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The test thread playing the FX thread, for view-model tests that need a real background thread
 * (a gate blocks the executor's thread until the "FX thread" answers): work runs on a new thread,
 * callbacks and hand-overs queue here until {@link #runUntil} runs them on the test thread.
 */
final class QueuedFx implements Executor, TaskRunner {

    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    final AtomicInteger handOvers = new AtomicInteger();

    @Override
    public void execute(Runnable task) {
        handOvers.incrementAndGet();
        tasks.add(task);
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        Thread.ofVirtual().start(() -> {
            try {
                T result = work.call();
                tasks.add(() -> onSuccess.accept(result));
            } catch (Throwable t) {
                tasks.add(() -> onError.accept(t));
            }
        });
    }

    /** Runs queued tasks on the calling thread until {@code done} holds; fails after 5 s. */
    void runUntil(BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!done.getAsBoolean()) {
            Runnable next = tasks.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("Condition not reached within 5 s");
            }
            next.run();
        }
    }
}
