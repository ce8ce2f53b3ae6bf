package io.turnout.probe;

import io.turnout.probe.ProbeTargetServer.Serving;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The probe against a real HTTP server on 127.0.0.1 that the test switches, breaks and counts. */
class SwitchProbeTest {

    private static final Logger log = LoggerFactory.getLogger(SwitchProbeTest.class);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private ProbeTargetServer server;
    private SwitchProbe probe;

    @BeforeEach
    void startServer() throws IOException {
        server = new ProbeTargetServer();
    }

    @AfterEach
    void stopAll() {
        if (probe != null) {
            probe.stop();
        }
        server.close();
    }

    private ProbeSettings settings() {
        return ProbeSettings.defaults(server.address(), "/version").withRate(400).withConcurrency(2)
                .withMaxDuration(Duration.ofSeconds(30));
    }

    private ProbeReport runToCompletion(ProbeSettings s) throws InterruptedException {
        probe = SwitchProbe.start(s);
        assertThat(probe.awaitFinished(WAIT)).isTrue();
        return probe.stop();
    }

    @Test
    void countsEveryRequestAndExactlyTheInjectedFailures() throws Exception {
        server.failNext(5);
        server.dropNext(3);
        ProbeReport report = runToCompletion(settings().withMaxRequests(100));

        assertThat(report.sent()).isEqualTo(100);
        assertThat(server.handled()).isEqualTo(100);
        assertThat(report.failed()).isEqualTo(8);
        assertThat(report.socketErrors()).isEqualTo(3);
        assertThat(report.byVersion()).containsEntry("v1", 97L).hasSize(1);
        assertThat(report.firstFailures()).hasSize(8)
                .filteredOn(f -> f.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} 500")).hasSize(5);
        assertThat(report.before().count()).isEqualTo(97);
    }

    @Test
    void cleanCutHasNoMixedWindowAndEachPhaseGetsItsLatencies() throws Exception {
        probe = SwitchProbe.start(settings().withRate(200).withConcurrency(1));
        assertThat(server.awaitHandled(20, WAIT)).isTrue();
        probe.mark();
        server.serve(Serving.GREEN);
        assertThat(server.awaitHandled(40, WAIT)).isTrue();
        probe.mark();
        assertThat(server.awaitHandled(60, WAIT)).isTrue();
        ProbeReport report = probe.stop();

        assertThat(report.failed()).isZero();
        assertThat(report.mixedWindowMillis()).isZero();
        assertThat(report.byVersion()).containsOnlyKeys("v1", "v2");
        assertThat(report.before().count()).isPositive();
        assertThat(report.during().count()).isPositive();
        assertThat(report.after().count()).isPositive();
        assertThat(report.before().count() + report.during().count() + report.after().count()).isEqualTo(report.sent());
        assertThat(report.after().p99()).isPositive().isLessThanOrEqualTo(report.after().max());
        assertThat(report.summary()).startsWith("0 failed / ");
    }

    @Test
    void alternatingVersionsDuringTheSwitchShowAsAMixedWindow() throws Exception {
        probe = SwitchProbe.start(settings().withRate(200).withConcurrency(1));
        assertThat(server.awaitHandled(20, WAIT)).isTrue();
        probe.mark();
        server.serve(Serving.ALTERNATE);
        assertThat(server.awaitHandled(40, WAIT)).isTrue();
        server.serve(Serving.GREEN);
        probe.mark();
        assertThat(server.awaitHandled(60, WAIT)).isTrue();
        ProbeReport report = probe.stop();

        assertThat(report.mixedWindowMillis()).isPositive().isLessThan(report.durationMillis());
        assertThat(report.failed()).isZero();
    }

    @Test
    void withoutKeepAliveEveryRequestOpensAFreshConnection() throws Exception {
        ProbeReport report = runToCompletion(settings().withKeepAlive(false).withMaxRequests(30));

        assertThat(report.sent()).isEqualTo(30);
        assertThat(report.failed()).isZero();
        assertThat(server.connections()).isEqualTo(30);
    }

    @Test
    void withKeepAliveConnectionsAreReused() throws Exception {
        ProbeReport report = runToCompletion(settings().withConcurrency(2).withMaxRequests(60));

        assertThat(report.failed()).isZero();
        assertThat(server.connections()).isBetween(1, 2);
    }

    @Test
    void sendsTheGivenHostHeaderToTheGivenAddress() throws Exception {
        runToCompletion(settings().withHostHeader("shop.example").withMaxRequests(5));

        assertThat(server.hostHeaders()).containsExactly("shop.example");
        assertThat(server.handled()).isEqualTo(5);
    }

    @Test
    void maxDurationEndsTheProbeOnItsOwn() throws Exception {
        ProbeReport report = runToCompletion(settings().withRate(100).withMaxRequests(1_000_000)
                .withMaxDuration(Duration.ofMillis(300)));

        assertThat(report.sent()).isEqualTo(30); // due at 0, 10, ... 290 ms
    }

    @Test
    void stopEndsARunningProbe() throws Exception {
        probe = SwitchProbe.start(settings().withRate(100));
        assertThat(server.awaitHandled(5, WAIT)).isTrue();
        ProbeReport report = probe.stop();

        assertThat(probe.awaitFinished(Duration.ZERO)).isTrue();
        assertThat(report.sent()).isGreaterThanOrEqualTo(5).isEqualTo(server.handled());
        assertThat(probe.snapshot()).isSameAs(report);
    }

    @Test
    void aHangingServerCountsAsTimeoutsFromTheScheduledTime() throws Exception {
        server.hangNext(1);
        ProbeReport report = runToCompletion(settings().withConcurrency(1).withRate(50).withMaxRequests(5)
                .withTimeout(Duration.ofMillis(200)));

        // One request hangs for the whole timeout; the ones due meanwhile waited for the only connection.
        assertThat(report.sent()).isEqualTo(5);
        assertThat(report.socketErrors()).isGreaterThanOrEqualTo(1);
        assertThat(report.firstFailures()).anyMatch(f -> f.endsWith("timed out after 200 ms"));
    }

    @Test
    void refusedConnectionsAreSocketErrors() throws Exception {
        InetSocketAddress nobody;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobody = new InetSocketAddress(InetAddress.getLoopbackAddress(), s.getLocalPort());
        }
        ProbeReport report = runToCompletion(ProbeSettings.defaults(nobody, "/").withMaxRequests(20));

        assertThat(report.failed()).isEqualTo(20);
        assertThat(report.socketErrors()).isEqualTo(20);
        assertThat(report.firstFailures()).hasSize(10).allMatch(f -> f.endsWith("connection refused"));
        assertThat(report.byVersion()).isEmpty();
    }

    @Test
    void keepsToTheScheduledRate() throws Exception {
        ProbeReport report = runToCompletion(settings().withRate(200).withMaxRequests(400));
        ProbeRecorder.SendLag lag = probe.sendLag();
        log.info("Rate accuracy: asked 200/s, sent {} at {}/s over {} ms; send lag mean {} ms, max {} ms",
                report.sent(), String.format("%.2f", report.ratePerSecond()), report.durationMillis(),
                String.format("%.3f", lag.meanMillis()), String.format("%.3f", lag.maxMillis()));

        assertThat(report.sent()).isEqualTo(400);
        assertThat(report.ratePerSecond()).isCloseTo(200, within(20.0)); // loose: a busy 2-core CI box
    }
}
