package io.turnout.db;

import io.turnout.docker.DockerClients;
import io.turnout.docker.EngineClients;
import io.turnout.target.TargetUri;
import io.turnout.testing.Sandbox;
import io.turnout.testing.SandboxContainers;
import io.turnout.testing.ScratchDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real pg_dump, exec'd in a stack's database container over the sandbox dockerd: the
 * {@code turnout-fixture/postgres:local} image (Debian's PostgreSQL 15, built by the sandbox from
 * local files), which asks for the password on its local socket too. The dump streams back over
 * the Docker API and is restored with the workstation's pg_restore into the sandbox PostgreSQL:
 * the rows, binary ones included, come back identical.
 */
class ContainerDumpIT {

    private static final String PASSWORD = "s3cret-" + Long.toHexString(System.nanoTime());

    @TempDir Path dir;
    EngineClients admin;
    SandboxContainers containers;
    String container;
    ScratchDatabase restored;

    @BeforeEach
    void startDatabaseContainer() {
        admin = DockerClients.withDefaults().forTarget(TargetUri.parse(Sandbox.dockerHost()));
        containers = new SandboxContainers(admin.api());
        container = containers.runPostgres("shopper", PASSWORD, "shop");
        containers.psql(container, "shopper", PASSWORD, "shop", """
                create table items (id bigint primary key, name text, blob bytea);
                insert into items select g, 'item ' || g, decode(lpad(to_hex(g % 256), 2, '0') || '00ff0d0a', 'hex')
                  from generate_series(1, 50000) g;
                """);
    }

    @AfterEach
    void removeContainer() {
        containers.close();
        admin.close();
        if (restored != null) {
            restored.close();
        }
    }

    @Test
    void aRealDumpFromTheContainerRestoresIntoTheSameRows() throws Exception {
        DbUrl url = DbUrl.parse("jdbc:postgresql://db:5432/shop?user=shopper&password=" + PASSWORD);
        Path dump = dir.resolve("shop.dump");

        new ContainerDump(admin.api(), container, url, Map.of(), Duration.ofSeconds(60)).dump(dump);

        assertThat(new String(Files.readAllBytes(dump), 0, 5, StandardCharsets.US_ASCII)).as("custom-format magic").isEqualTo("PGDMP");
        restored = ScratchDatabase.create("cdump");
        new PgTools(DbConnector.direct(), restored.url(), Map.of(), Duration.ofSeconds(60)).restore(dump);
        try (var c = restored.connect(); ResultSet rs = c.createStatement().executeQuery(
                "select count(*), md5(string_agg(id || name || encode(blob, 'hex'), ',' order by id)) from items")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(50_000);
            assertThat(rs.getString(2)).isEqualTo(sourceChecksum());
        }
    }

    @Test
    void aWrongPasswordIsOneSentenceWithPgDumpsOwnError() {
        DbUrl url = DbUrl.parse("jdbc:postgresql://db:5432/shop?user=shopper&password=wrong");

        assertThatThrownBy(() -> new ContainerDump(admin.api(), container, url, Map.of(), Duration.ofSeconds(30)).dump(dir.resolve("y.dump")))
                .isInstanceOf(DbException.class)
                .hasMessageStartingWith("pg_dump in container " + container + " failed (exit 1): pg_dump: error:")
                .hasMessageContaining("password authentication failed for user \"shopper\"")
                .hasMessageNotContaining("wrong");
    }

    private String sourceChecksum() {
        return containers.psql(container, "shopper", PASSWORD, "shop",
                "select md5(string_agg(id || name || encode(blob, 'hex'), ',' order by id)) from items");
    }
}
