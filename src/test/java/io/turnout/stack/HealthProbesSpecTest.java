package io.turnout.stack;

import io.turnout.stack.StackSpec.HealthSpec;
import io.turnout.stack.StackSpec.ProbeSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HealthProbesSpecTest {

    private static final String YAML = """
            name: shop
            router: { kind: haproxy, publicPort: 18080 }
            services:
              web:
                image: app:1
                port: 8080
                health:
                  path: /health
                  interval: 2s
                  timeout: 60s
                  probes:
                    liveness: { path: /live, interval: 5s }
                    startup: { path: /started }
            """;

    @Test
    void probesAreReadWithTheHealthIntervalAsDefault() {
        HealthSpec h = StackSpecs.parse(YAML).service("web").health();

        assertThat(h.probes()).isEqualTo(Map.of("liveness", new ProbeSpec("/live", Duration.ofSeconds(5)),
                "startup", new ProbeSpec("/started", Duration.ofSeconds(2))));
        assertThat(h.effectiveProbes()).containsOnlyKeys("liveness", "startup");
    }

    @Test
    void withoutProbesReadinessRunsOnTheHealthPath() {
        HealthSpec h = new HealthSpec("/ready", Duration.ofSeconds(3), Duration.ofSeconds(30));

        assertThat(h.effectiveProbes()).isEqualTo(Map.of("readiness", new ProbeSpec("/ready", Duration.ofSeconds(3))));
    }

    @Test
    void renderKeepsProbesAndTheConfigHashIgnoresThem() {
        StackSpec spec = StackSpecs.parse(YAML);

        assertThat(StackSpecs.parse(StackSpecs.render(spec))).isEqualTo(spec);
        StackSpec.ServiceSpec web = spec.service("web");
        StackSpec.ServiceSpec without = new StackSpec.ServiceSpec(web.image(), web.port(),
                new HealthSpec("/health", Duration.ofSeconds(2), Duration.ofSeconds(60)), web.routed(), web.critical(), web.env(), web.host());
        assertThat(StackSpecs.configHash(web)).as("probes are Turnout's monitoring, not the container's config")
                .isEqualTo(StackSpecs.configHash(without));
    }

    @Test
    void anUnknownProbeNamesItsLine() {
        assertThatThrownBy(() -> StackSpecs.parse(YAML.replace("startup:", "warmup:")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("warmup").hasMessageContaining("line");
    }
}
