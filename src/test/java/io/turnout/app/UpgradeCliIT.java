package io.turnout.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.turnout.cli.Cli;
import io.turnout.testing.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release verbs as a CI pipeline runs them: no terminal, {@code --yes}, environment defaults,
 * exit codes and one-sentence errors — against the sandbox host over SSH with a real router.
 */
class UpgradeCliIT {

    @TempDir
    Path home;

    private final String stack = "cli" + UUID.randomUUID().toString().substring(0, 6);
    private final Map<String, String> env = new HashMap<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int turnout(String... args) {
        return SandboxCli.run(home, env, out, err, args);
    }

    private Path stackFile() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path f = home.resolve("turnout.yml");
        Files.writeString(f, io.turnout.testing.StackYaml.web(stack, port, "5s", ""));
        return f;
    }

    @AfterEach
    void removeStack() {
        turnout("stack", "remove", "--host", Sandbox.host(), "--stack", stack, "--yes");
    }

    @Test
    void applyUpgradeSwitchRollbackCleanupAndStatusAsAPipelineWould() throws Exception {
        Path file = stackFile();
        assertThat(turnout("stack", "apply", "--host", Sandbox.host(), "--file", file.toString()))
                .as("without --yes and without a terminal it refuses").isEqualTo(2);
        assertThat(err.toString()).contains("without confirmation").contains("--yes");

        assertThat(turnout("stack", "apply", "--host", Sandbox.host(), "--file", file.toString(), "--yes")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Plan: Apply stack " + stack).contains("Done:");
        assertThat(turnout("stack", "apply", "--host", Sandbox.host(), "--file", file.toString(), "--yes"))
                .as("apply is idempotent: %s", err).isZero();

        env.put("AUTO_SWITCH", "true");
        assertThat(turnout("upgrade", "perform", "--host", Sandbox.host(), "--stack", stack, "--image", "turnout-fixture/app:v2", "--yes"))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("[changes traffic] Switch traffic of web from blue").contains("Probe: 0 failed /");

        assertThat(turnout("upgrade", "status", "--host", Sandbox.host(), "--stack", stack, "--json")).as(err.toString()).isZero();
        JsonNode status = new ObjectMapper().readTree(out.toString());
        assertThat(status.at("/services/0/active").asText()).isEqualTo("GREEN");
        assertThat(status.at("/recent/0/kind").asText()).isEqualTo("upgrade");
        assertThat(status.at("/recent/0/result").asText()).isEqualTo("succeeded");
        assertThat(status.at("/recent/0/probe/failed").asLong()).isZero();

        assertThat(turnout("upgrade", "status", "--host", Sandbox.host(), "--stack", stack)).isZero();
        assertThat(out.toString()).contains("active green").contains("turnout-fixture/app:v2").contains("Lock: free");

        assertThat(turnout("upgrade", "rollback", "--host", Sandbox.host(), "--stack", stack, "--yes")).as(err.toString()).isZero();
        assertThat(turnout("upgrade", "switch", "green", "--host", Sandbox.host(), "--stack", stack, "--yes")).as(err.toString()).isZero();
        assertThat(turnout("upgrade", "cleanup", "green", "--host", Sandbox.host(), "--stack", stack, "--yes"))
                .as("the active color cannot be cleaned up").isEqualTo(2);
        assertThat(err.toString()).contains("green is the active color of web");
        assertThat(turnout("upgrade", "cleanup", "blue", "--host", Sandbox.host(), "--stack", stack, "--yes")).as(err.toString()).isZero();

        assertThat(turnout("maintenance", "on", "--host", Sandbox.host(), "--stack", stack, "--yes")).as(err.toString()).isZero();
        assertThat(turnout("maintenance", "off", "--host", Sandbox.host(), "--stack", stack, "--yes")).as(err.toString()).isZero();
        assertThat(turnout("lock", "status", "--host", Sandbox.host(), "--stack", stack)).isZero();
        assertThat(out.toString()).contains("Free");
    }

    @Test
    void badInputGetsOneSentenceAndExitCode2() throws Exception {
        assertThat(turnout("upgrade", "switch", "purple", "--host", Sandbox.host(), "--stack", stack, "--yes")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown color 'purple'");
        assertThat(turnout("upgrade", "status", "--host", Sandbox.host(), "--stack", stack)).isEqualTo(2);
        assertThat(err.toString()).contains("There is no stack '" + stack + "'");
        env.put("HEALTH_CHECK_TIMEOUT", "soon");
        assertThat(turnout("upgrade", "perform", "--host", Sandbox.host(), "--stack", stack, "--image", "x:1", "--yes")).isEqualTo(2);
        assertThat(err.toString()).contains("HEALTH_CHECK_TIMEOUT=soon is not a positive number of seconds");
    }

    @Test
    void aFailedGateExitsNonZeroWithTheReason() throws Exception {
        assertThat(turnout("stack", "apply", "--host", Sandbox.host(), "--file", stackFile().toString(), "--yes")).as(err.toString()).isZero();
        assertThat(turnout("upgrade", "perform", "--host", Sandbox.host(), "--stack", stack, "--image", "turnout-fixture/app:broken",
                "--auto-switch", "--timeout", "4", "--yes")).isEqualTo(1);
        assertThat(err.toString()).contains("did not become healthy within 4 s");
    }
}
