package io.turnout.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.ExposedPort;
import io.turnout.cli.Cli;
import io.turnout.docker.DockerClients;
import io.turnout.docker.EngineClients;
import io.turnout.target.TargetUri;
import io.turnout.testing.Sandbox;
import io.turnout.testing.SandboxContainers;
import io.turnout.testing.StackYaml;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The single-host stack whose PostgreSQL runs in a container of its own: {@code database.url} as
 * the host sees it (the container's port published on the host's 127.0.0.1), {@code
 * database.container} naming the container. `turnout db backup --host --stack` runs the real
 * pg_dump inside that container; `turnout db restore` brings the rows back with the workstation's
 * pg_restore through the host's SSH tunnel. Real sshd, dockerd and PostgreSQL 15 in the container.
 */
class StackContainerDatabaseCliIT {

    private static final String PASSWORD = "pw-" + UUID.randomUUID().toString().substring(0, 8);

    @TempDir Path home;
    private final String stack = "pgc" + UUID.randomUUID().toString().substring(0, 6);
    private final String dbContainer = stack + "-db";
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private EngineClients admin;
    private SandboxContainers containers;

    private int turnout(String... args) {
        return SandboxCli.run(home, Map.of("PGPASSWORD", PASSWORD, "TURNOUT_BACKUP_DIR", home.resolve("backups").toString()), out, err, args);
    }

    @BeforeEach
    void startDatabaseAndStack() throws Exception {
        admin = DockerClients.withDefaults().forTarget(TargetUri.parse(Sandbox.dockerHost()));
        containers = new SandboxContainers(admin.api());
        String id = containers.runPostgres("shopper", PASSWORD, "shop", "--name", dbContainer, "-p", "127.0.0.1::5432");
        containers.psql(id, "shopper", PASSWORD, "shop",
                "create table orders (id bigint primary key, total numeric(10,2)); "
                        + "insert into orders select g, g * 1.5 from generate_series(1, 2000) g;");
        int dbPort = Integer.parseInt(admin.api().inspectContainerCmd(id).exec().getNetworkSettings().getPorts().getBindings()
                .get(ExposedPort.tcp(5432))[0].getHostPortSpec());
        Path file = home.resolve("turnout.yml");
        Files.writeString(file, StackYaml.web(stack, freePort(), "5s", """
                database:
                  url: jdbc:postgresql://127.0.0.1:%d/shop?user=shopper
                  container: %s
                """.formatted(dbPort, dbContainer)));
        assertThat(turnout("stack", "apply", "--host", Sandbox.host(), "--file", file.toString(), "--yes")).as(err.toString()).isZero();
    }

    @AfterEach
    void tearDown() {
        try {
            turnout("stack", "remove", "--host", Sandbox.host(), "--stack", stack, "--yes");
        } finally {
            containers.close();
            admin.close();
        }
    }

    @Test
    void backupInTheContainerAndRestoreThroughTheTunnelBringTheRowsBack() throws Exception {
        assertThat(turnout("db", "backup", "--host", Sandbox.host(), "--stack", stack, "--label", "before-cleanup", "--json"))
                .as(out + "\n" + err).isZero();
        JsonNode backup = new ObjectMapper().readTree(out.toString());
        assertThat(backup.get("via").asText()).isEqualTo("pg_dump in container " + dbContainer);
        assertThat(backup.get("url").asText()).doesNotContain(PASSWORD);

        containers.psql(dbContainer, "shopper", PASSWORD, "shop", "delete from orders where id > 10");
        assertThat(containers.psql(dbContainer, "shopper", PASSWORD, "shop", "select count(*) from orders")).isEqualTo("10");

        assertThat(turnout("db", "restore", "--host", Sandbox.host(), "--stack", stack, "--backup", "before-cleanup", "--yes"))
                .as(out + "\n" + err).isZero();
        assertThat(out.toString() + err).doesNotContain(PASSWORD);
        assertThat(containers.psql(dbContainer, "shopper", PASSWORD, "shop", "select count(*), sum(total) from orders"))
                .isEqualTo("2000|3001500.00");
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
