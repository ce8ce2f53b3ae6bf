package io.turnout.release;

import java.time.Duration;
import java.util.Objects;

/**
 * What the upgrade wizard and {@code turnout upgrade perform} ask for.
 *
 * @param service the routed service to upgrade (null: the stack's only routed service)
 * @param healthTimeout null: the service's own {@code health.timeout}
 * @param healthInterval null: the service's own {@code health.interval}
 * @param autoSwitch switch traffic as soon as the gate passes; otherwise the plan stops with the standby ready
 * @param autoCleanup remove the old color after a verified switch (no instant rollback then)
 * @param skipHealth skip the health gate (dangerous; journaled)
 */
public record UpgradeRequest(String service, String image, Duration healthTimeout, Duration healthInterval,
                             boolean autoSwitch, boolean autoCleanup, boolean skipHealth) {
    public UpgradeRequest {
        Objects.requireNonNull(image, "image");
    }
}
