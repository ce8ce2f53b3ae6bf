package io.turnout.testing;

import javafx.application.Platform;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for a condition on the live scene graph, evaluating it on the FX thread. A lookup from the
 * test thread races the FX thread's own changes (a cell list shrinking under Parent.lookupAll throws
 * IndexOutOfBoundsException), so UI conditions must never read nodes from the test thread. A
 * condition must not drive the robot (clicks would wait for the FX thread it runs on). On a
 * timeout every open window is saved to {@link Screenshots#TARGET}: what the operator would have seen.
 */
public final class FxWait {

    private FxWait() {
    }

    public static void until(int seconds, Callable<Boolean> condition) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition));
        } catch (TimeoutException e) {
            Screenshots.saveOpenWindows("timeout-");
            throw e;
        }
    }

    /** Runs {@code read} on the FX thread and returns its result. */
    public static <T> T onFx(Callable<T> read) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return read.call();
        }
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }
}
