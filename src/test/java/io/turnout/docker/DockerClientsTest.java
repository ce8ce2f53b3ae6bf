package io.turnout.docker;

import io.turnout.target.TargetUri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DockerClientsTest {

    @Test
    void localDefaultIsTheStandardSocketWithoutDockerHost() {
        assertThat(clients(Map.of()).localDefaultTarget()).isEqualTo(TargetUri.parse("unix:///var/run/docker.sock"));
    }

    @Test
    void localDefaultFollowsDockerHostAndTlsVerify() {
        assertThat(clients(Map.of("DOCKER_HOST", "unix:///run/x.sock")).localDefaultTarget().path()).isEqualTo("/run/x.sock");
        TargetUri tcp = clients(Map.of("DOCKER_HOST", "tcp://10.1.1.1:2376", "DOCKER_TLS_VERIFY", "1")).localDefaultTarget();
        assertThat(tcp.tls()).isTrue();
        assertThat(tcp.port()).isEqualTo(2376);
    }

    @Test
    void tlsWithoutCertificatesIsRefusedWithTheMissingFile(@TempDir Path empty) {
        assertThatThrownBy(() -> clients(Map.of()).tcp("127.0.0.1", 2376, true, empty))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ca.pem");
    }

    @Test
    void sshTargetsMustGoThroughTheRelay() {
        assertThatThrownBy(() -> clients(Map.of()).forTarget(TargetUri.parse("ssh://u@h")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("relay");
    }

    @Test
    void unixSocketClientsAreBuiltWithoutConnecting() {
        try (EngineClients c = clients(Map.of()).unixSocket(Path.of("/nonexistent/docker.sock"))) {
            assertThat(c.api()).isNotSameAs(c.streaming());
        }
    }

    private static DockerClients clients(Map<String, String> env) {
        return new DockerClients(Duration.ofSeconds(1), Duration.ofSeconds(5), env);
    }
}
