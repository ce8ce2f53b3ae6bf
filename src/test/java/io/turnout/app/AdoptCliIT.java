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

import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code turnout stack adopt}: a running compose project (containers labelled exactly as compose
 * labels them, started with the docker CLI — no compose binary on this machine) becomes a stack whose
 * blue color is those very containers, and can then be upgraded blue-green.
 */
class AdoptCliIT {

    @TempDir
    Path home;

    private final String project = "cmp" + UUID.randomUUID().toString().substring(0, 6);
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private EngineClients admin;
    private SandboxContainers containers;

    @BeforeEach
    void open() {
        admin = DockerClients.withDefaults().forTarget(TargetUri.parse(Sandbox.dockerHost()));
        containers = new SandboxContainers(admin.api());
    }

    @AfterEach
    void close() {
        turnout("stack", "remove", "--host", Sandbox.host(), "--stack", project, "--yes");
        containers.close();
        admin.close();
    }

    private int turnout(String... args) {
        return SandboxCli.run(home, Map.of(), out, err, args);
    }

    private String compose(String service, boolean publish) {
        var args = new java.util.ArrayList<>(java.util.List.of("--name", project + "-" + service + "-1",
                "--label", "com.docker.compose.project=" + project, "--label", "com.docker.compose.service=" + service,
                "-e", "GREETING=adopted " + service));
        if (publish) {
            args.addAll(java.util.List.of("-p", "127.0.0.1::8080"));
        }
        return containers.cliRun("turnout-fixture/app:v1", args.toArray(String[]::new));
    }

    @Test
    void aComposeProjectBecomesAStackWithoutRestartingAndCanBeUpgraded() throws Exception {
        String web = compose("web", true);
        String api = compose("api", false);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String startedAt = admin.api().inspectContainerCmd(web).exec().getState().getStartedAt();

        assertThat(turnout("stack", "adopt", "--host", Sandbox.host(), "--project", project, "--public-port", Integer.toString(port),
                "--public-bind", "127.0.0.1", "--yes")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Adopt compose project " + project);

        var inspected = admin.api().inspectContainerCmd(web).exec();
        assertThat(inspected.getName()).isEqualTo("/" + project + "-web-blue");
        assertThat(inspected.getState().getStartedAt()).as("adopted without a restart").isEqualTo(startedAt);
        assertThat(admin.api().inspectContainerCmd(api).exec().getName()).isEqualTo("/" + project + "-api-blue");
        assertThat(body(port, "/env/GREETING")).isEqualTo("adopted web");

        assertThat(turnout("upgrade", "perform", "--host", Sandbox.host(), "--stack", project, "--image", "turnout-fixture/app:v2",
                "--auto-switch", "--yes")).as(err.toString()).isZero();
        assertThat(body(port, "/version")).isEqualTo("v2");
        assertThat(body(port, "/env/GREETING")).as("the new color keeps the adopted configuration").isEqualTo("adopted web");
    }

    @Test
    void adoptingSomethingThatIsNotThereSaysSo() {
        assertThat(turnout("stack", "adopt", "--host", Sandbox.host(), "--project", project, "--public-port", "18999", "--yes"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("No running containers of compose project '" + project + "'");
    }

    private static String body(int port, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(3)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body().strip();
    }
}
