package io.turnout.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.turnout.cli.Cli;
import io.turnout.docker.DockerClients;
import io.turnout.docker.DockerContexts;
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

/**
 * The `turnout` CLI verbs end to end, in-process, with the real composition root against the
 * sandbox (sshd + dockerd). No terminal here, exactly like CI: prompts must refuse, not hang.
 */
class CliIT {

    @TempDir
    Path home;

    private EngineClients admin;
    private SandboxContainers containers;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void open() {
        admin = DockerClients.withDefaults().forTarget(TargetUri.parse(Sandbox.dockerHost()));
        containers = new SandboxContainers(admin.api());
    }

    @AfterEach
    void close() {
        containers.close();
        admin.close();
    }

    private int turnout(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        AppServices services = new AppServices(AppDirs.of("Linux", Map.of("TURNOUT_CONFIG_DIR", home.resolve("cfg").toString()), home),
                Map.of(), home);
        return new Cli(services, new PrintWriter(out, true), new PrintWriter(err, true)).run(args);
    }

    @Test
    void psOverSshListsStackServiceColorAndHealthAsJson() throws Exception {
        String id = containers.cliRun("turnout-fixture/app:v1", "--label", "io.turnout.stack=shop",
                "--label", "io.turnout.service=web", "--label", "io.turnout.color=green");
        int code = turnout("--ssh-config", Sandbox.sshConfig().toString(), "ps", "--host", "turnout-sandbox", "--json");
        assertThat(code).as(err.toString()).isZero();
        JsonNode rows = new ObjectMapper().readTree(out.toString());
        JsonNode mine = null;
        for (JsonNode r : rows) {
            if (r.get("id").asText().equals(id)) {
                mine = r;
            }
        }
        assertThat(mine).as("container %s in %s", id, out).isNotNull();
        assertThat(mine.get("stack").asText()).isEqualTo("shop");
        assertThat(mine.get("service").asText()).isEqualTo("web");
        assertThat(mine.get("color").asText()).isEqualTo("green");
        assertThat(mine.get("image").asText()).isEqualTo("turnout-fixture/app:v1");
        assertThat(mine.get("state").asText()).isEqualTo("running");
        assertThat(mine.get("health").asText()).isIn("starting", "healthy");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void psAllIncludesStoppedContainersAndTheTableHasTheDocumentedColumns() {
        String id = containers.cliRun("turnout-fixture/app:v1", "--label", "io.turnout.stack=stopped-test");
        admin.api().stopContainerCmd(id).withTimeout(1).exec();
        assertThat(turnout("--ssh-config", Sandbox.sshConfig().toString(), "ps", "--host", "turnout-sandbox")).isZero();
        assertThat(out.toString()).startsWith("NAME").contains("ID", "IMAGE", "STATE", "HEALTH", "STACK", "SERVICE", "COLOR", "PORTS")
                .doesNotContain(id.substring(0, 12));
        assertThat(turnout("--ssh-config", Sandbox.sshConfig().toString(), "ps", "--host", "turnout-sandbox", "--all")).isZero();
        assertThat(out.toString()).contains(id.substring(0, 12)).contains("exited");
    }

    @Test
    void unreachableHostIsExitCode1WithOneSentence() {
        long t0 = System.nanoTime();
        int code = turnout("ps", "--host", "ssh://turnout@127.0.0.1:1");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("turnout: Cannot reach 127.0.0.1:1: connection refused.");
        assertThat((System.nanoTime() - t0) / 1_000_000).as("fails fast, well inside the connect timeout").isLessThan(10_000);
    }

    @Test
    void unknownHostKeyWithoutATerminalIsRefusedWithTheFingerprintAndTheLineToAdd() throws Exception {
        Path cfg = home.resolve("ssh_config");
        Files.writeString(cfg, Files.readString(Sandbox.sshConfig())
                .replace(Sandbox.knownHosts().toString(), home.resolve("empty_known_hosts").toString()));
        int code = turnout("--ssh-config", cfg.toString(), "ps", "--host", "turnout-sandbox");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("is not known").contains("SHA256:").contains("[127.0.0.1]:" + Sandbox.sshPort());
        assertThat(home.resolve("empty_known_hosts")).as("nothing is trusted silently").doesNotExist();
    }

    @Test
    void hostsListsSshAliasesWithProxyJumpAndDockerContexts() throws Exception {
        Path meta = home.resolve(".docker/contexts/meta/" + DockerContexts.contextId("edge"));
        Files.createDirectories(meta);
        Files.writeString(meta.resolve("meta.json"),
                "{\"Name\":\"edge\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\"ssh://deploy@edge-1\",\"SkipTLSVerify\":false}}}");
        assertThat(turnout("--ssh-config", Sandbox.sshConfig().toString(), "hosts", "--json")).as(err.toString()).isZero();
        JsonNode hosts = new ObjectMapper().readTree(out.toString());
        JsonNode jump = find(hosts, "turnout-sandbox-jump");
        assertThat(jump.get("proxyJump").asText()).isEqualTo("turnout-sandbox");
        assertThat(jump.get("port").asInt()).isEqualTo(Sandbox.sshPort());
        assertThat(jump.get("user").asText()).isEqualTo("turnout");
        assertThat(jump.get("source").asText()).startsWith("ssh-config:" + Sandbox.sshConfig());
        JsonNode edge = find(hosts, "edge");
        assertThat(edge.get("uri").asText()).isEqualTo("ssh://deploy@edge-1");
        assertThat(edge.get("source").asText()).isEqualTo("docker-context:edge");
    }

    @Test
    void psThroughAProxyJumpAliasReachesTheSameEngine() {
        String id = containers.cliRun("turnout-fixture/app:v1");
        assertThat(turnout("--ssh-config", Sandbox.sshConfig().toString(), "ps", "--host", "turnout-sandbox-jump")).as(err.toString()).isZero();
        assertThat(out.toString()).contains(id.substring(0, 12));
    }

    private static JsonNode find(JsonNode array, String name) {
        for (JsonNode n : array) {
            if (n.get("name").asText().equals(name)) {
                return n;
            }
        }
        throw new AssertionError(name + " not in " + array);
    }
}
