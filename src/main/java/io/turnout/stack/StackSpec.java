package io.turnout.stack;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A stack definition as written in {@code turnout.yml}: what the operator wants, not what runs.
 * Parsed and validated by {@link StackSpecs}; immutable.
 *
 * @param services in file order (a {@link java.util.LinkedHashMap} copy)
 */
public record StackSpec(String name, RouterSpec router, Map<String, ServiceSpec> services) {

    public StackSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(router, "router");
        services = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(services));
    }

    public ServiceSpec service(String serviceName) {
        ServiceSpec s = services.get(serviceName);
        if (s == null) {
            throw new IllegalArgumentException("Stack '" + name + "' has no service '" + serviceName
                    + "' (it has: " + String.join(", ", services.keySet()) + ").");
        }
        return s;
    }

    /** The Docker network the stack's containers and its router share. */
    public String network() {
        return "turnout-" + name;
    }

    /** Container name of a service's color, e.g. {@code shop-web-green}; also its DNS name on the network. */
    public String containerName(String service, Color color) {
        return name + "-" + service + "-" + color.id();
    }

    public String routerContainerName() {
        return name + "-router";
    }

    public enum RouterKind { HAPROXY, NGINX }

    /**
     * @param publicPort host port clients use
     * @param publicBind host address the public port binds to (0.0.0.0 unless the file says otherwise)
     * @param image the router image (a default per kind when the file has none)
     * @param drainTimeout how long a drained color keeps serving requests already in flight
     */
    public record RouterSpec(RouterKind kind, int publicPort, String publicBind, String image, Duration drainTimeout) {
        public RouterSpec {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(publicBind, "publicBind");
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(drainTimeout, "drainTimeout");
        }
    }

    /**
     * @param port the container port the service listens on
     * @param routed whether the router sends public traffic to it (blue-green); internal otherwise
     * @param critical a failing critical service aborts a release; others only warn
     * @param env environment; values may be secrets, so never log them unmasked
     * @param host for stacks with several routed services: the Host header that selects this one (null = default)
     */
    public record ServiceSpec(String image, int port, HealthSpec health, boolean routed, boolean critical,
                              Map<String, String> env, String host) {
        public ServiceSpec {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(health, "health");
            env = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(env));
        }

        public ServiceSpec withImage(String newImage) {
            return new ServiceSpec(newImage, port, health, routed, critical, env, host);
        }
    }

    /**
     * @param path HTTP path that answers 2xx when the service is ready
     * @param interval time between probes
     * @param timeout how long a new color may take to become healthy before the release aborts
     * @param probes HTTP probes the health feed runs besides Docker's own check, by kind
     *     ({@code liveness}, {@code readiness}, {@code startup}); empty: readiness on {@code path} every {@code interval}
     */
    public record HealthSpec(String path, Duration interval, Duration timeout, Map<String, ProbeSpec> probes) {

        public static final java.util.List<String> PROBE_KINDS = java.util.List.of("liveness", "readiness", "startup");

        public HealthSpec {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(interval, "interval");
            Objects.requireNonNull(timeout, "timeout");
            probes = probes == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(probes));
            for (String kind : probes.keySet()) {
                if (!PROBE_KINDS.contains(kind)) {
                    throw new IllegalArgumentException("Unknown probe '" + kind + "'; use " + String.join(", ", PROBE_KINDS) + ".");
                }
            }
        }

        /** Without probes of its own: readiness on {@code path} (the form every spec had before probes existed). */
        public HealthSpec(String path, Duration interval, Duration timeout) {
            this(path, interval, timeout, Map.of());
        }

        /** The probes the health feed runs: the configured ones, readiness on {@code path} when none is. */
        public Map<String, ProbeSpec> effectiveProbes() {
            if (!probes.isEmpty()) {
                return probes;
            }
            return Map.of("readiness", new ProbeSpec(path, interval));
        }
    }

    /** One HTTP probe: GET {@code path} on the color's container every {@code interval}; 2xx/3xx passes. */
    public record ProbeSpec(String path, Duration interval) {
        public ProbeSpec {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(interval, "interval");
        }
    }
}
