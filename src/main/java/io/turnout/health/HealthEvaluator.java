package io.turnout.health;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The state rules, kept apart from the I/O so they can be read and tested on their own. HTTP
 * probes are the truth when they disagree with Docker (they test what the router sends traffic
 * to); Docker's "unhealthy" still counts, with its last output as the cause.
 */
final class HealthEvaluator {

    /** A failing startup probe explains more than a failing readiness one, and that more than liveness. */
    private static final List<String> CAUSE_ORDER = List.of("startup", "readiness", "liveness");

    private HealthEvaluator() {
    }

    record Verdict(HealthState state, String cause) {
    }

    /**
     * @param passedSinceStart whether this container has been healthy at least once since it started
     * @param age time since the container started
     * @param startTimeout the service's {@code health.timeout}: how long "not yet" counts as starting
     */
    static Verdict judge(boolean running, String docker, List<String> dockerLog, Map<String, ProbeResult> probes,
                         boolean passedSinceStart, Duration age, Duration startTimeout) {
        if (!running) {
            return new Verdict(HealthState.DOWN, "missing".equals(docker) ? "no container" : "container " + docker);
        }
        String cause = null;
        for (String kind : CAUSE_ORDER) {
            ProbeResult r = probes.get(kind);
            if (r != null && !r.ok()) {
                cause = r.describe();
                break;
            }
        }
        if (cause == null && "unhealthy".equals(docker)) {
            cause = "docker health check: " + (dockerLog.isEmpty() ? "unhealthy" : dockerLog.getLast());
        }
        if (cause == null) {
            if (probes.isEmpty() && "starting".equals(docker)) {
                return new Verdict(HealthState.STARTING, "docker health check has not passed yet");
            }
            return new Verdict(HealthState.HEALTHY, "");
        }
        if (!passedSinceStart && age.compareTo(startTimeout) < 0) {
            return new Verdict(HealthState.STARTING, cause);
        }
        return new Verdict(HealthState.UNHEALTHY, cause);
    }
}
