package io.turnout.docker;

import io.turnout.target.ConnectionState;
import io.turnout.target.TargetUri;
import io.turnout.testing.FeedWait;
import io.turnout.testing.Sandbox;
import io.turnout.testing.SandboxContainers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** list / inspect / logs against the sandbox's real dockerd, through {@link DockerHostFactory#direct}. */
class EngineDockerHostIT {

    private EngineClients admin;
    private SandboxContainers containers;
    private EngineDockerHost host;

    @BeforeEach
    void open() {
        TargetUri target = TargetUri.parse(Sandbox.dockerHost());
        admin = DockerClients.withDefaults().forTarget(target);
        containers = new SandboxContainers(admin.api());
        host = DockerHostFactory.withDefaults().direct(target);
    }

    @AfterEach
    void cleanUp() {
        if (host != null) {
            host.close();
        }
        if (containers != null) {
            containers.close();
            admin.close();
        }
    }

    @Test
    void pingConnectionReportsConnected() {
        ConnectionState state = FeedWait.until(host.connection(), Duration.ofSeconds(5), "connected",
                s -> s instanceof ConnectionState.Connected);
        assertThat(state.describe()).startsWith("connected");
    }

    @Test
    void listShowsAContainerTheTestStartedWithLabelsAndLoopbackPort() {
        String id = containers.cliRun("turnout-fixture/app:v1", "-p", "127.0.0.1::8080",
                "--label", "io.turnout.stack=shop", "--label", "io.turnout.service=web", "--label", "io.turnout.color=blue");
        List<ContainerRow> rows = host.list(false);
        ContainerRow row = rows.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
        assertThat(row.state()).isEqualTo("running");
        assertThat(row.stack()).isEqualTo("shop");
        assertThat(row.service()).isEqualTo("web");
        assertThat(row.color()).isEqualTo("blue");
        assertThat(row.imageTag()).isEqualTo("v1");
        assertThat(row.ports()).singleElement().satisfies(p -> {
            assertThat(p.hostIp()).isEqualTo("127.0.0.1");
            assertThat(p.hostPort()).isPositive();
            assertThat(p.containerPort()).isEqualTo(8080);
        });
        assertThat(row.created()).isNotNull();
    }

    @Test
    void listTakesRestartCountAndStartTimeFromTheRunningFeed() {
        String id = containers.cliRun("turnout-fixture/app:v1");
        host.containers().start();
        FeedWait.until(host.containers(), Duration.ofSeconds(3), "in feed", s -> s.byId(id).isPresent());
        ContainerRow row = host.list(true).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
        assertThat(row.startedAt()).isNotNull();
        assertThat(row.status()).startsWith("Up"); // Docker's own status text from the list API
    }

    @Test
    void inspectMasksSecretsAndShowsTheHealthLogWithOutput() {
        String id = containers.cliRun("turnout-fixture/app:v1", "-e", "DB_PASSWORD=hunter2",
                "-e", "DATABASE_URL=postgres://app:s3cret@db/app", "-e", "KEYBOARD=us");
        host.containers().start();
        FeedWait.until(host.containers(), Duration.ofSeconds(15), "healthy",
                s -> s.byId(id).map(r -> r.health() == Health.HEALTHY).orElse(false));
        ContainerDetails d = host.inspect(id);
        assertThat(d.env()).contains(new ContainerDetails.EnvVar("DB_PASSWORD", SecretMasker.MASK, true),
                new ContainerDetails.EnvVar("KEYBOARD", "us", false));
        assertThat(d.env()).filteredOn(e -> e.name().equals("DATABASE_URL")).singleElement()
                .satisfies(e -> assertThat(e.value()).doesNotContain("s3cret").contains("app:" + SecretMasker.MASK + "@db"));
        assertThat(d.healthLog()).isNotEmpty();
        assertThat(d.healthLog().getLast().exitCode()).isZero();
        assertThat(d.healthLog().getLast().output()).contains("200");
        assertThat(d.command()).contains("/app");
        assertThat(d.labels()).containsEntry(SandboxContainers.TEST_LABEL, containers.runLabel());
        assertThat(d.networks()).isNotEmpty();
    }

    @Test
    void inspectOfAMissingContainerSaysSo() {
        assertThatThrownBy(() -> host.inspect("no-such-container-" + containers.runLabel()))
                .isInstanceOf(NoSuchContainerException.class);
    }

    @Test
    void logsTailReturnsRequestLinesAndFollowDeliversANewOne() throws Exception {
        String id = containers.cliRun("turnout-fixture/app:v1");
        containers.probe(id, "/version");
        List<LogLine> tail = new CopyOnWriteArrayList<>();
        host.logs(id, 20, false, tail::add).close();
        assertThat(tail).anyMatch(l -> l.text().contains("GET /version"));
        assertThat(tail).allMatch(l -> l.time() != null);

        CompletableFuture<LogLine> marker = new CompletableFuture<>();
        String path = "/version?follow-" + containers.runLabel();
        AutoCloseable follow = host.logs(id, 0, true, l -> {
            if (l.text().contains(path)) {
                marker.complete(l);
            }
        });
        try {
            long t0 = System.nanoTime();
            containers.probe(id, path);
            LogLine line = marker.get(5, TimeUnit.SECONDS);
            org.slf4j.LoggerFactory.getLogger(getClass()).info("LATENCY followed log line after {} ms",
                    (System.nanoTime() - t0) / 1_000_000);
            assertThat(line.time()).isNotNull();
        } finally {
            follow.close();
        }
    }
}
