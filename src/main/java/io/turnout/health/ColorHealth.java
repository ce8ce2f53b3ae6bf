package io.turnout.health;

import io.turnout.stack.Color;

import java.util.List;
import java.util.Map;

/**
 * One service's color at one tick.
 *
 * @param docker Docker's own health status: healthy, unhealthy, starting, none (no HEALTHCHECK), stopped, missing
 * @param dockerLog the outputs of Docker's last checks, newest last (exit code and output)
 * @param probes the HTTP probes' last results by kind
 * @param cause why it is not healthy (the failing probe's output, else Docker's), empty when healthy
 */
public record ColorHealth(String service, Color color, HealthState state, String docker, List<String> dockerLog,
                          Map<String, ProbeResult> probes, String cause) {

    public ColorHealth {
        dockerLog = List.copyOf(dockerLog);
        probes = Map.copyOf(probes);
    }

    public String subject() {
        return service + "." + color.id();
    }
}
