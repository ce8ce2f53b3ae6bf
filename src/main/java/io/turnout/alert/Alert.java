package io.turnout.alert;

import java.time.Instant;
import java.util.Objects;

/**
 * One alert event: raised once when a rule starts to breach for a subject (one episode), and once
 * more with {@code resolved} when it stops.
 *
 * @param rule the rule's name, e.g. {@code 5xx-rate}
 * @param subject what breaches, e.g. {@code web.green} or {@code db}
 * @param message one sentence for the operator, with the measured value and the threshold
 */
public record Alert(String scope, String rule, String subject, String message, Instant at, boolean resolved) {

    public Alert {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(at, "at");
    }

    /** The line a notification or a webhook shows. */
    public String text() {
        return (resolved ? "Resolved" : "Alert") + " [" + scope + "] " + message;
    }
}
