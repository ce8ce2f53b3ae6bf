package io.turnout.health;

import java.util.Locale;

/** What one color of one service is, derived from Docker's check and the HTTP probes. */
public enum HealthState {
    /** every probe passes and Docker does not say unhealthy */
    HEALTHY,
    /** not passing yet, but it has not passed since it started and is within the service's health timeout */
    STARTING,
    /** a probe fails or Docker says unhealthy, after it was healthy or past the health timeout */
    UNHEALTHY,
    /** the container is stopped or missing */
    DOWN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
