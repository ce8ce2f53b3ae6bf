package io.turnout.timeline;

import java.time.Instant;
import java.util.Objects;

/**
 * @param scope what it concerns, e.g. the stack name; lets a stack's dashboard show only its own marks
 * @param label short, shown on the chart ("Switch → green")
 * @param detail shown on hover (probe result, alert values); may be empty
 */
public record Marker(Instant at, MarkerKind kind, String scope, String label, String detail) {

    public Marker {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(label, "label");
        detail = detail == null ? "" : detail;
    }
}
