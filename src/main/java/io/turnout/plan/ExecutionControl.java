package io.turnout.plan;

/**
 * The operator's handle on a running plan, usable from any thread: pause between steps, resume,
 * abort (the current step is interrupted at its next {@link StepContext#checkAborted()} and
 * everything applied is compensated).
 */
public final class ExecutionControl {

    private boolean paused;
    private String abortReason;

    public synchronized void pause() {
        paused = true;
    }

    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    public synchronized void abort(String reason) {
        abortReason = reason == null ? "aborted by the operator" : reason;
        notifyAll();
    }

    public synchronized boolean paused() {
        return paused;
    }

    public synchronized boolean aborted() {
        return abortReason != null;
    }

    public synchronized String abortReason() {
        return abortReason;
    }

    /** Blocks while paused (returns at once when not); returns early on abort. */
    public synchronized void awaitNotPaused() throws InterruptedException {
        while (paused && abortReason == null) {
            wait();
        }
    }

    /** Waits up to {@code millis}, returning early on abort. */
    public synchronized void sleepUnlessAborted(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        long left;
        while (abortReason == null && (left = end - System.nanoTime()) > 0) {
            wait(Math.max(1, left / 1_000_000L));
        }
    }
}
