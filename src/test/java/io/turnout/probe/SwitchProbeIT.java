package io.turnout.probe;

import io.turnout.docker.ContainerRow;
import io.turnout.docker.DockerClients;
import io.turnout.docker.DockerHostFactory;
import io.turnout.docker.EngineClients;
import io.turnout.docker.EngineDockerHost;
import io.turnout.docker.Health;
import io.turnout.target.TargetUri;
import io.turnout.testing.FeedWait;
import io.turnout.testing.Sandbox;
import io.turnout.testing.SandboxContainers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The probe against the real fixture app in a container on the sandbox dockerd (port on 127.0.0.1). */
class SwitchProbeIT {

    private static final Logger log = LoggerFactory.getLogger(SwitchProbeIT.class);

    private EngineClients admin;
    private SandboxContainers containers;
    private EngineDockerHost host;

    @BeforeEach
    void open() {
        TargetUri target = TargetUri.parse(Sandbox.dockerHost());
        admin = DockerClients.withDefaults().forTarget(target);
        containers = new SandboxContainers(admin.api());
        host = DockerHostFactory.withDefaults().direct(target);
    }

    @AfterEach
    void cleanUp() {
        if (host != null) {
            host.close();
        }
        if (containers != null) {
            containers.close();
            admin.close();
        }
    }

    @Test
    void fiveHundredRequestsAtTwoHundredPerSecondAllReachV1() throws Exception {
        String id = containers.cliRun("turnout-fixture/app:v1", "-p", "127.0.0.1::8080");
        host.containers().start();
        FeedWait.until(host.containers(), Duration.ofSeconds(20), "fixture healthy",
                s -> s.byId(id).map(r -> r.health() == Health.HEALTHY).orElse(false));
        ContainerRow row = host.list(false).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
        int port = row.ports().getFirst().hostPort();

        InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        SwitchProbe probe = SwitchProbe.start(ProbeSettings.defaults(target, "/version").withMaxRequests(500));
        assertThat(probe.awaitFinished(Duration.ofSeconds(20))).isTrue();
        ProbeReport report = probe.stop();
        ProbeRecorder.SendLag lag = probe.sendLag();
        log.info("Fixture probe: {}; rate {}/s over {} ms; send lag mean {} ms, max {} ms", report.summary(),
                String.format("%.2f", report.ratePerSecond()), report.durationMillis(),
                String.format("%.3f", lag.meanMillis()), String.format("%.3f", lag.maxMillis()));

        assertThat(report.sent()).isEqualTo(500);
        assertThat(report.failed()).isZero();
        assertThat(report.firstFailures()).isEmpty();
        assertThat(report.byVersion()).isEqualTo(Map.of("v1", 500L));
        assertThat(report.ratePerSecond()).isBetween(180.0, 220.0);
    }
}
