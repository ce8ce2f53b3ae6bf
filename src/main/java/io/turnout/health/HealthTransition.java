package io.turnout.health;

import io.turnout.stack.Color;

import java.time.Instant;

/** A change of a color's state, with what caused it (the failing probe's output; empty on recovery). */
public record HealthTransition(Instant at, String service, Color color, HealthState from, HealthState to, String cause) {

    /** The marker label; the flapping rule reads the subject from its first word. */
    public String label() {
        return service + "." + color.id() + " " + from.label() + " → " + to.label();
    }
}
