package io.turnout.db;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import io.turnout.docker.DockerClients;
import io.turnout.docker.EngineClients;
import io.turnout.target.TargetUri;
import io.turnout.testing.Poll;
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
import java.util.concurrent.TimeUnit;

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
        container = containers.cliRun("turnout-fixture/postgres:local",
                "-e", "POSTGRES_USER=shopper", "-e", "POSTGRES_PASSWORD=" + PASSWORD, "-e", "POSTGRES_DB=shop");
        Poll.until(Duration.ofSeconds(60), "the database container to accept connections",
                () -> exec("pg_isready", "-q", "-d", "shop").exitCode() == 0);
        Exec created = exec("psql", "-U", "shopper", "-d", "shop", "-v", "ON_ERROR_STOP=1", "-c", """
                create table items (id bigint primary key, name text, blob bytea);
                insert into items select g, 'item ' || g, decode(lpad(to_hex(g % 256), 2, '0') || '00ff0d0a', 'hex')
                  from generate_series(1, 50000) g;
                """);
        assertThat(created.exitCode()).as(created.output()).isZero();
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
        Exec sum = exec("psql", "-U", "shopper", "-d", "shop", "-Atc",
                "select md5(string_agg(id || name || encode(blob, 'hex'), ',' order by id)) from items");
        assertThat(sum.exitCode()).as(sum.output()).isZero();
        return sum.output().strip();
    }

    private record Exec(long exitCode, String output) { }

    /** A command in the database container as its postgres user, with the password in its environment. */
    private Exec exec(String... cmd) {
        String id = admin.api().execCreateCmd(container).withCmd(cmd).withEnv(java.util.List.of("PGPASSWORD=" + PASSWORD))
                .withAttachStdout(true).withAttachStderr(true).exec().getId();
        StringBuilder out = new StringBuilder();
        try {
            admin.api().execStartCmd(id).exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame f) {
                    out.append(new String(f.getPayload(), StandardCharsets.UTF_8));
                }
            }).awaitCompletion(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Long code = admin.api().inspectExecCmd(id).exec().getExitCodeLong();
        return new Exec(code == null ? -1 : code, out.toString());
    }
}
