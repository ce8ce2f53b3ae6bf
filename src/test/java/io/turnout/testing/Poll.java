package io.turnout.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls a condition until a deadline, for tests of things that have no event to wait on. */
public final class Poll {

    private Poll() {
    }

    /** Returns the first value of {@code probe} that satisfies {@code condition}; probe exceptions count as "not yet". */
    public static <T> T until(Duration deadline, String what, Supplier<T> probe, Predicate<? super T> condition) {
        long end = System.nanoTime() + deadline.toNanos();
        Object last = null;
        while (true) {
            try {
                T v = probe.get();
                if (condition.test(v)) {
                    return v;
                }
                last = v;
            } catch (RuntimeException e) {
                last = e;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + deadline + ": " + what + " (last: " + last + ")");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    public static void until(Duration deadline, String what, BooleanSupplier condition) {
        until(deadline, what, condition::getAsBoolean, ok -> ok);
    }
}
