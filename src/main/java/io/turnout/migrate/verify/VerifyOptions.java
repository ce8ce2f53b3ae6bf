package io.turnout.migrate.verify;

import java.time.Duration;
import java.util.Objects;

/**
 * @param lockTimeout {@code SET LOCAL lock_timeout} for every observed statement
 * @param inPlaceRollback run against the target itself inside one transaction that is always
 *                        rolled back, instead of a disposable schema copy (explicit opt-in)
 */
public record VerifyOptions(Duration lockTimeout, boolean inPlaceRollback) {

    public VerifyOptions {
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        if (lockTimeout.isNegative() || lockTimeout.isZero()) {
            throw new IllegalArgumentException("The lock timeout must be positive.");
        }
    }

    public static VerifyOptions defaults() {
        return new VerifyOptions(Duration.ofSeconds(2), false);
    }
}
