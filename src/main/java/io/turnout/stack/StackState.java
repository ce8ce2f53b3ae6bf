package io.turnout.stack;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The recorded truth of a stack on its host (state.json): which color of each service is active and
 * what each color runs. Changed only by plan steps, always together with a history entry.
 *
 * @param releaseInProgress the id of the plan run holding the stack, or null
 */
public record StackState(Map<String, ServiceState> services, boolean maintenance, String releaseInProgress) {

    public static final StackState EMPTY = new StackState(Map.of(), false, null);

    public StackState {
        services = java.util.Collections.unmodifiableMap(new TreeMap<>(services));
    }

    public Optional<ServiceState> service(String name) {
        return Optional.ofNullable(services.get(name));
    }

    public StackState with(String service, ServiceState state) {
        Map<String, ServiceState> m = new TreeMap<>(services);
        if (state == null) {
            m.remove(service);
        } else {
            m.put(service, state);
        }
        return new StackState(m, maintenance, releaseInProgress);
    }

    public StackState withMaintenance(boolean on) {
        return new StackState(services, on, releaseInProgress);
    }

    public StackState withReleaseInProgress(String id) {
        return new StackState(services, maintenance, id);
    }

    /**
     * @param active the color receiving traffic (null before the first deploy)
     * @param colors what each existing color runs; the standby is the active color's other, if present
     */
    public record ServiceState(Color active, Map<Color, Release> colors) {
        public ServiceState {
            Map<Color, Release> copy = new java.util.EnumMap<>(Color.class);
            copy.putAll(colors);
            colors = java.util.Collections.unmodifiableMap(copy);
        }

        public Optional<Release> release(Color c) {
            return Optional.ofNullable(colors.get(c));
        }

        public Optional<Release> activeRelease() {
            return active == null ? Optional.empty() : release(active);
        }

        public Optional<Release> standbyRelease() {
            return active == null ? Optional.empty() : release(active.other());
        }

        public ServiceState withActive(Color c) {
            return new ServiceState(c, colors);
        }

        public ServiceState withRelease(Color c, Release r) {
            Map<Color, Release> m = new java.util.EnumMap<>(Color.class);
            m.putAll(colors);
            if (r == null) {
                m.remove(c);
            } else {
                m.put(c, r);
            }
            return new ServiceState(active, m);
        }
    }
}
