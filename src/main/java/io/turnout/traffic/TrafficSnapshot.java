package io.turnout.traffic;

import io.turnout.stack.Color;

import java.time.Instant;
import java.util.Map;

/**
 * Traffic per routed service and color at one tick; immutable.
 *
 * @param error why the router could not be read this tick (the values are then the previous ones), or null
 */
public record TrafficSnapshot(Instant at, Map<String, Map<Color, ColorTraffic>> services, String error) {

    public TrafficSnapshot {
        services = Map.copyOf(services);
    }

    public static TrafficSnapshot empty(Instant at) {
        return new TrafficSnapshot(at, Map.of(), null);
    }

    public ColorTraffic of(String service, Color color) {
        Map<Color, ColorTraffic> m = services.get(service);
        return m == null ? null : m.get(color);
    }
}
