package io.turnout.health;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HealthEvaluatorTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ProbeResult OK = new ProbeResult("readiness", "/health", true, 200, 3, "", Instant.EPOCH);
    private static final ProbeResult BROKEN = new ProbeResult("readiness", "/health", false, 500, 2, "broken", Instant.EPOCH);

    @Test
    void aFailingProbeBeforeTheFirstPassWithinTheTimeoutIsStarting() {
        var v = HealthEvaluator.judge(true, "starting", List.of(), Map.of("readiness", BROKEN), false, Duration.ofSeconds(3), TIMEOUT);

        assertThat(v.state()).isEqualTo(HealthState.STARTING);
        assertThat(v.cause()).isEqualTo("readiness GET /health: HTTP 500 \"broken\" in 2 ms");
    }

    @Test
    void aFailingProbePastTheTimeoutOrAfterPassingIsUnhealthy() {
        assertThat(HealthEvaluator.judge(true, "unhealthy", List.of(), Map.of("readiness", BROKEN), false,
                Duration.ofSeconds(31), TIMEOUT).state()).isEqualTo(HealthState.UNHEALTHY);
        assertThat(HealthEvaluator.judge(true, "healthy", List.of(), Map.of("readiness", BROKEN), true,
                Duration.ofSeconds(1), TIMEOUT).state()).isEqualTo(HealthState.UNHEALTHY);
    }

    @Test
    void dockerUnhealthyCountsWithItsLastOutputAsCause() {
        var v = HealthEvaluator.judge(true, "unhealthy", List.of("exit 1: HTTP/1.1 500"), Map.of("readiness", OK), true,
                Duration.ofMinutes(5), TIMEOUT);

        assertThat(v.state()).isEqualTo(HealthState.UNHEALTHY);
        assertThat(v.cause()).isEqualTo("docker health check: exit 1: HTTP/1.1 500");
    }

    @Test
    void passingProbesAreHealthyAndAStoppedContainerIsDown() {
        assertThat(HealthEvaluator.judge(true, "none", List.of(), Map.of("readiness", OK), false, Duration.ZERO, TIMEOUT).state())
                .isEqualTo(HealthState.HEALTHY);
        assertThat(HealthEvaluator.judge(false, "missing", List.of(), Map.of(), false, Duration.ZERO, TIMEOUT).cause())
                .isEqualTo("no container");
    }
}
