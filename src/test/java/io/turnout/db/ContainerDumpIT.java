package io.turnout.db;

import io.turnout.docker.DockerClients;
import io.turnout.docker.EngineClients;
import io.turnout.target.TargetUri;
import io.turnout.testing.Sandbox;
import io.turnout.testing.SandboxContainers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * pg_dump exec'd in a container over the sandbox dockerd, its stdout streamed into the dump file.
 * The sandbox has no PostgreSQL image (no registry), so the container is the busybox fixture with a
 * stand-in {@code pg_dump} script: what is tested is the Docker side — the exec's command line and
 * environment, binary-safe streaming of stdout, stderr and the exit code turned into one sentence.
 */
class ContainerDumpIT {

    private static final String FAKE_PG_DUMP = """
            #!/bin/sh
            if [ "$PGPASSWORD" != "s3cret" ]; then echo "pg_dump: error: password authentication failed" >&2; exit 5; fi
            busybox printf 'PGDMP\\000\\001\\377\\n'
            echo "$*"
            busybox seq 1 50000
            """;

    @TempDir Path dir;
    EngineClients admin;
    SandboxContainers containers;
    String container;

    @BeforeEach
    void startContainer() throws Exception {
        admin = DockerClients.withDefaults().forTarget(TargetUri.parse(Sandbox.dockerHost()));
        containers = new SandboxContainers(admin.api());
        container = containers.cliRun("turnout-fixture/app:v1");
        String exec = admin.api().execCreateCmd(container).withCmd("/bin/sh", "-c",
                "busybox printf '%s' \"$0\" > /bin/pg_dump && busybox chmod +x /bin/pg_dump", FAKE_PG_DUMP).exec().getId();
        admin.api().execStartCmd(exec).exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<>()).awaitCompletion(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void removeContainer() {
        containers.close();
        admin.close();
    }

    @Test
    void streamsTheDumpBackByteForByteWithThePasswordOnlyInTheEnvironment() throws Exception {
        DbUrl url = DbUrl.parse("jdbc:postgresql://db:5432/shop?user=shopper&password=s3cret");
        Path target = dir.resolve("x.dump");

        new ContainerDump(admin.api(), container, url, Map.of(), Duration.ofSeconds(30)).dump(target);

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(new byte[]{'P', 'G', 'D', 'M', 'P', 0, 1, (byte) 0xff, '\n'});
        expected.writeBytes("-Fc --no-password -U shopper shop\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 1; i <= 50000; i++) {
            expected.writeBytes((i + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(Files.readAllBytes(target)).isEqualTo(expected.toByteArray());
    }

    @Test
    void aFailingDumpIsOneSentenceWithItsStderr() {
        DbUrl url = DbUrl.parse("jdbc:postgresql://db:5432/shop?user=shopper&password=wrong");

        assertThatThrownBy(() -> new ContainerDump(admin.api(), container, url, Map.of(), Duration.ofSeconds(30)).dump(dir.resolve("y.dump")))
                .isInstanceOf(DbException.class)
                .hasMessage("pg_dump in container " + container + " failed (exit 5): pg_dump: error: password authentication failed.");
    }
}
