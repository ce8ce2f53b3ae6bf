package io.turnout.router;

import io.turnout.stack.Color;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a router should do, declaratively: per routed service the weight of each color (0 = no new
 * requests: drained) and the color its preview frontend serves; plus stack-wide maintenance.
 * Blue-green is weights 100/0; canary later is any split.
 */
public record RoutingTable(Map<String, ServiceRoute> services, boolean maintenance) {

    public RoutingTable {
        services = java.util.Collections.unmodifiableMap(new TreeMap<>(services));
    }

    public ServiceRoute route(String service) {
        ServiceRoute r = services.get(service);
        if (r == null) {
            throw new IllegalArgumentException("No route for service '" + service + "'");
        }
        return r;
    }

    public RoutingTable with(String service, ServiceRoute route) {
        Map<String, ServiceRoute> m = new TreeMap<>(services);
        m.put(service, route);
        return new RoutingTable(m, maintenance);
    }

    public RoutingTable withMaintenance(boolean on) {
        return new RoutingTable(services, on);
    }

    /**
     * @param weights 0..100 per color; colors without a container are 0
     * @param preview the color the preview frontend serves (the standby), or null when there is none
     */
    public record ServiceRoute(Map<Color, Integer> weights, Color preview) {
        public ServiceRoute {
            Map<Color, Integer> m = new EnumMap<>(Color.class);
            for (Color c : Color.values()) {
                int w = weights.getOrDefault(c, 0);
                if (w < 0 || w > 100) {
                    throw new IllegalArgumentException("weight of " + c.id() + " must be 0..100, was " + w);
                }
                m.put(c, w);
            }
            weights = java.util.Collections.unmodifiableMap(m);
        }

        /** All traffic to {@code active}; the other color drained and served by the preview frontend. */
        public static ServiceRoute allTo(Color active) {
            return new ServiceRoute(Map.of(active, 100), active.other());
        }

        public int weight(Color c) {
            return weights.get(c);
        }

        /** The color with all the weight, or null when traffic is split (canary) or nowhere. */
        public Color soleActive() {
            for (Color c : Color.values()) {
                if (weights.get(c) > 0 && weights.get(c.other()) == 0) {
                    return c;
                }
            }
            return null;
        }
    }
}
