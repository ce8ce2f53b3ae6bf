package io.turnout.app;

import io.turnout.cli.Cli;
import io.turnout.docker.DockerClients;
import io.turnout.docker.EngineClients;
import io.turnout.target.TargetUri;
import io.turnout.testing.Sandbox;
import io.turnout.testing.SandboxContainers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code turnout ps --host "tcp://…?tls=true&certs=DIR"} in-process, against the sandbox dockerd's TLS endpoint. */
class TlsPsCliIT {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private EngineClients admin;
    private SandboxContainers containers;

    @BeforeEach
    void setUp() {
        admin = DockerClients.withDefaults().forTarget(TargetUri.parse(Sandbox.dockerHost()));
        containers = new SandboxContainers(admin.api());
    }

    @AfterEach
    void tearDown() {
        if (containers != null) {
            containers.close();
            admin.close();
        }
    }

    private int turnout(String... args) throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home")); // no ~/.docker, no profiles
        Map<String, String> env = Map.of("HOME", home.toString(), "TURNOUT_CONFIG_DIR", tmp.resolve("config").toString());
        AppServices services = new AppServices(AppDirs.of("Linux", env, home), env, home);
        return new Cli(services, new PrintWriter(out, true), new PrintWriter(err, true)).run(args);
    }

    private static String tlsHost(Path certs) {
        return Sandbox.tlsHost() + "?tls=true&certs=" + certs;
    }

    @Test
    void psOverTlsListsAContainerTheTestStarted() throws Exception {
        String id = containers.cliRun("turnout-fixture/app:v1", "--label", "io.turnout.stack=tls-cli",
                "--label", "io.turnout.service=web");
        int code = turnout("ps", "--host", tlsHost(Sandbox.tlsCerts()), "--json");
        assertThat(err.toString()).isEmpty();
        assertThat(code).isZero();
        assertThat(out.toString()).contains("\"id\" : \"" + id + "\"").contains("\"stack\" : \"tls-cli\"");

        out.getBuffer().setLength(0);
        assertThat(turnout("ps", "--host", tlsHost(Sandbox.tlsCerts()))).isZero();
        assertThat(out.toString()).contains(id.substring(0, 12)).contains("tls-cli").contains("web");
    }

    @Test
    void aRejectedClientCertificateIsOneSentenceAndExitCode1() throws Exception {
        int code = turnout("ps", "--host", tlsHost(Sandbox.tlsRogueCerts()));
        TargetUri t = TargetUri.parse(Sandbox.tlsHost());
        assertThat(err.toString()).isEqualTo("turnout: TLS handshake with " + t.host() + ":" + t.port()
                + " failed: the server rejected our client certificate (" + Sandbox.tlsRogueCerts().resolve("cert.pem") + ")."
                + System.lineSeparator());
        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void tlsWithoutCertsIsABadInputSentenceAndExitCode2() throws Exception {
        int code = turnout("ps", "--host", Sandbox.tlsHost() + "?tls=true");
        assertThat(err.toString()).startsWith("turnout: TLS is on but ca.pem, cert.pem and key.pem are missing or unreadable in "
                + tmp.resolve("home/.docker") + " (no certs= in the host URI and DOCKER_CERT_PATH is not set)");
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(code).isEqualTo(2);
    }
}
