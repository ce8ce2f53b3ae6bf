package io.turnout.docker;

import io.turnout.target.ConnectionState;
import io.turnout.target.TargetUri;
import io.turnout.testing.FeedWait;
import io.turnout.testing.Sandbox;
import io.turnout.testing.SandboxContainers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sandbox dockerd over {@code tcp://127.0.0.1:PORT} with mutual TLS, through the engine's own
 * factory ({@link DockerHostFactory#direct}): listing, the live feed, and the operator-facing errors
 * for a client certificate the engine does not trust and for missing client material.
 */
class TlsDockerHostIT {

    @TempDir
    Path tmp;

    private EngineClients admin;
    private SandboxContainers containers;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void setUp() {
        admin = DockerClients.withDefaults().forTarget(TargetUri.parse(Sandbox.dockerHost()));
        containers = new SandboxContainers(admin.api());
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
        if (containers != null) {
            containers.close();
            admin.close();
        }
    }

    private static TargetUri tlsTarget(Path certs) {
        return TargetUri.parse(Sandbox.tlsHost() + "?tls=true&certs=" + certs);
    }

    private EngineDockerHost direct(TargetUri target) {
        EngineDockerHost h = DockerHostFactory.withDefaults().direct(target);
        open.add(h);
        return h;
    }

    private static String hostPort() {
        TargetUri t = TargetUri.parse(Sandbox.tlsHost());
        return t.host() + ":" + t.port();
    }

    @Test
    void listsOverTlsAndSeesAContainerTheTestStarted() {
        String id = containers.cliRun("turnout-fixture/app:v1", "--label", "io.turnout.stack=tls-shop");
        EngineDockerHost host = direct(tlsTarget(Sandbox.tlsCerts()));

        ContainerRow row = host.list(false).stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("container " + id + " not listed over TLS"));
        assertThat(row.state()).isEqualTo("running");
        assertThat(row.stack()).isEqualTo("tls-shop");
        assertThat(host.inspect(id).labels()).containsEntry(SandboxContainers.TEST_LABEL, containers.runLabel());
        FeedWait.until(host.connection(), Duration.ofSeconds(10), "ping over TLS reports connected",
                s -> s instanceof ConnectionState.Connected);
    }

    @Test
    void feedDeliversAnEventOverTls() {
        EngineDockerHost host = direct(tlsTarget(Sandbox.tlsCerts()));
        ContainerFeed feed = host.containers();
        feed.start();
        FeedWait.until(feed, Duration.ofSeconds(10), "first snapshot over TLS", s -> s.seq() >= 1);
        FeedWait.until(feed.streamState(), Duration.ofSeconds(10), "event stream live over TLS",
                st -> st == ContainerFeed.StreamState.LIVE);
        Instant before = Instant.now().minusSeconds(1);

        String id = containers.cliRun("turnout-fixture/app:v1");
        FeedWait.until(feed, Duration.ofSeconds(5), "container " + id + " in the TLS feed", s -> s.byId(id).isPresent());
        assertThat(feed.lastEventAt()).as("the row came from a Docker event, not a resync").isAfter(before);

        containers.cliRemove(id);
        FeedWait.until(feed, Duration.ofSeconds(5), "container " + id + " gone from the TLS feed", s -> s.byId(id).isEmpty());
    }

    @Test
    void aClientCertificateFromAnotherCaIsRejectedWithOneClearSentence() {
        EngineDockerHost host = direct(tlsTarget(Sandbox.tlsRogueCerts()));
        assertThatThrownBy(() -> host.list(true))
                .hasMessage("TLS handshake with " + hostPort() + " failed: the server rejected our client certificate"
                        + " (" + Sandbox.tlsRogueCerts().resolve("cert.pem") + ").");
    }

    @Test
    void theRejectionAlsoReachesTheConnectionStateAsThatSentence() {
        EngineDockerHost host = new DockerHostFactory(DockerClients.withDefaults(), ContainerFeed.Settings.defaults(),
                Duration.ofMillis(200)).direct(tlsTarget(Sandbox.tlsRogueCerts()));
        open.add(host);
        ConnectionState failed = FeedWait.until(host.connection(), Duration.ofSeconds(10), "ping gives up after 3 failures",
                s -> s instanceof ConnectionState.Failed);
        assertThat(failed.describe()).contains("TLS handshake with " + hostPort()
                + " failed: the server rejected our client certificate");
    }

    @Test
    void aServerCertificateOurCaDidNotSignIsNamedAsSuch() throws Exception {
        // our real client certificate, but a "CA" that did not sign the server's certificate
        Path certs = Files.createDirectories(tmp.resolve("wrong-ca"));
        Files.copy(Sandbox.tlsRogueCerts().resolve("cert.pem"), certs.resolve("ca.pem"));
        Files.copy(Sandbox.tlsCerts().resolve("cert.pem"), certs.resolve("cert.pem"));
        Files.copy(Sandbox.tlsCerts().resolve("key.pem"), certs.resolve("key.pem"));
        EngineDockerHost host = direct(tlsTarget(certs));
        assertThatThrownBy(() -> host.list(true))
                .hasMessage("TLS handshake with " + hostPort() + " failed: the server's certificate is not signed by our CA ("
                        + certs.resolve("ca.pem") + ").");
    }

    @Test
    void tlsWithoutACertsDirectorySaysWhatIsMissingAndWhere() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home")); // no .docker in it
        DockerClients clients = new DockerClients(Duration.ofSeconds(5), Duration.ofSeconds(10), Map.of("HOME", home.toString()));
        assertThatThrownBy(() -> clients.forTarget(TargetUri.parse(Sandbox.tlsHost() + "?tls=true")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("TLS is on but ca.pem, cert.pem and key.pem are missing or unreadable in " + home.resolve(".docker")
                        + " (no certs= in the host URI and DOCKER_CERT_PATH is not set); give the directory with the"
                        + " client's ca.pem, cert.pem and key.pem as ?certs=DIR.");
    }

    @Test
    void dockerCertPathIsUsedWhenTheUriNamesNoCerts() {
        DockerClients clients = new DockerClients(Duration.ofSeconds(5), Duration.ofSeconds(10),
                Map.of("DOCKER_CERT_PATH", Sandbox.tlsCerts().toString()));
        String id = containers.cliRun("turnout-fixture/app:v1");
        try (EngineClients c = clients.forTarget(TargetUri.parse(Sandbox.tlsHost() + "?tls=true"))) {
            assertThat(c.api().listContainersCmd().exec()).anyMatch(x -> x.getId().equals(id));
        }
    }
}
