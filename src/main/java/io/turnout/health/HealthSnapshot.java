package io.turnout.health;

import io.turnout.stack.Color;

import java.time.Instant;
import java.util.List;

/**
 * Every service's colors at one tick, plus the recent transitions (oldest first).
 *
 * @param error why the host could not be read this tick, or null
 */
public record HealthSnapshot(Instant at, List<ColorHealth> colors, List<HealthTransition> history, String error) {

    public HealthSnapshot {
        colors = List.copyOf(colors);
        history = List.copyOf(history);
    }

    public static HealthSnapshot empty(Instant at) {
        return new HealthSnapshot(at, List.of(), List.of(), null);
    }

    public ColorHealth of(String service, Color color) {
        return colors.stream().filter(c -> c.service().equals(service) && c.color() == color).findFirst().orElse(null);
    }
}
