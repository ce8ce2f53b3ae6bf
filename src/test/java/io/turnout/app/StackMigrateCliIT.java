package io.turnout.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.turnout.cli.Cli;
import io.turnout.testing.ScratchDatabase;
import io.turnout.testing.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `turnout migrate run --host --stack` end to end: the stack's turnout.yml names the database
 * (URL without password; PGPASSWORD from the environment), reached through the host's SSH
 * tunnel; maintenance type goes through the stack's router and lock.
 */
class StackMigrateCliIT {

    @TempDir Path home;
    @TempDir Path folder;
    ScratchDatabase db;
    private final String stack = "mig" + UUID.randomUUID().toString().substring(0, 6);
    private final Map<String, String> env = new HashMap<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int turnout(String... args) {
        return SandboxCli.run(home, env, out, err, args);
    }

    @BeforeEach
    void setUp() throws Exception {
        db = ScratchDatabase.create("stackcli");
        env.put("PGPASSWORD", io.turnout.db.UrlCredentials.of(db.url(), Map.of()).password().orElseThrow());
        env.put("TURNOUT_BACKUP_DIR", home.resolve("backups").toString());
        Files.writeString(folder.resolve("V1__create.sql"), "create table items (id bigint primary key);\n");
        Files.writeString(folder.resolve("V2__retype.sql"), "alter table items alter column id type text;\n");
    }

    @AfterEach
    void tearDown() {
        turnout("stack", "remove", "--host", Sandbox.host(), "--stack", stack, "--yes");
        db.close();
    }

    @Test
    void maintenanceMigrationOfTheStacksOwnDatabaseThroughTheTunnel() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String urlWithoutPassword = db.url().jdbcUrl().replaceAll("[?&]password=[^&]*", "");
        Path file = home.resolve("turnout.yml");
        Files.writeString(file, io.turnout.testing.StackYaml.web(stack, port, "5s", io.turnout.testing.StackYaml.database(urlWithoutPassword)));
        assertThat(turnout("stack", "apply", "--host", Sandbox.host(), "--file", file.toString(), "--yes")).as(err.toString()).isZero();

        assertThat(turnout("migrate", "run", folder.toString(), "--host", Sandbox.host(), "--stack", stack, "--type", "risky", "--dry-run"))
                .isEqualTo(3);
        int code = turnout("migrate", "run", folder.toString(), "--host", Sandbox.host(), "--stack", stack, "--type", "maintenance",
                "--yes", "--label", "stack-cli");

        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("Maintenance on.", "Applied V2__retype.sql", "Maintenance off.")
                .doesNotContain(env.get("PGPASSWORD"));
        assertThat(turnout("db", "backups", "--json")).isZero();
        JsonNode b = new ObjectMapper().readTree(out.toString()).get(0);
        assertThat(b.get("label").asText()).isEqualTo("stack-cli");
        assertThat(b.get("host").asText()).isNotEqualTo("local");
        assertThat(turnout("migrate", "info", folder.toString(), "--host", Sandbox.host(), "--stack", stack, "--json")).isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).get("migrations"))
                .allSatisfy(m -> assertThat(m.get("state").asText()).isEqualTo("success"));
    }
}
