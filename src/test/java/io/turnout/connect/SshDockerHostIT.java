package io.turnout.connect;

import io.turnout.docker.ContainerDetails;
import io.turnout.docker.ContainerRow;
import io.turnout.docker.ContainerSnapshot;
import io.turnout.docker.DockerClients;
import io.turnout.docker.DockerHost;
import io.turnout.docker.DockerHostFactory;
import io.turnout.docker.EngineClients;
import io.turnout.profile.ProfileStore;
import io.turnout.ssh.HostKeyPrompt;
import io.turnout.ssh.SecretPrompt;
import io.turnout.ssh.SshConfigFile;
import io.turnout.ssh.SshOptions;
import io.turnout.target.ConnectionState;
import io.turnout.target.TargetException;
import io.turnout.target.TargetUri;
import io.turnout.testing.FeedWait;
import io.turnout.testing.Sandbox;
import io.turnout.testing.SandboxContainers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole path an operator uses: ssh-config alias → one real SSH session to the sandbox sshd →
 * relayed Docker socket → the real sandbox dockerd. Containers are started out of band with the
 * docker CLI on the host, exactly as another operator would.
 */
class SshDockerHostIT {

    private static final Logger LOG = LoggerFactory.getLogger(SshDockerHostIT.class);
    private static final String APP = "turnout-fixture/app:v1";

    @TempDir
    Path config;

    private EngineClients admin;
    private SandboxContainers containers;
    private DockerHost host;

    @BeforeEach
    void open() {
        admin = DockerClients.withDefaults().forTarget(TargetUri.parse(Sandbox.dockerHost()));
        containers = new SandboxContainers(admin.api());
        host = connector(Sandbox.sshConfig()).open("turnout-sandbox");
    }

    @AfterEach
    void close() {
        if (host != null) {
            host.close();
        }
        containers.close();
        admin.close();
    }

    private DefaultHostConnector connector(Path sshConfig) {
        SshConfigFile cfg = SshConfigFile.explicit(sshConfig);
        return new DefaultHostConnector(DockerHostFactory.withDefaults(), cfg,
                SshOptions.defaults(cfg, HostKeyPrompt.rejecting(), SecretPrompt.none()), new ProfileStore(config));
    }

    @Test
    void listsAndInspectsOverSshWithSecretsMasked() {
        String id = containers.cliRun(APP, "--label", "io.turnout.stack=shop", "--label", "io.turnout.service=web",
                "--label", "io.turnout.color=blue", "-e", "DB_PASSWORD=hunter2", "-e", "GREETING=hi");

        List<ContainerRow> rows = host.list(false);
        assertThat(rows).filteredOn(r -> r.id().equals(id)).singleElement().satisfies(r -> {
            assertThat(r.stack()).isEqualTo("shop");
            assertThat(r.service()).isEqualTo("web");
            assertThat(r.color()).isEqualTo("blue");
            assertThat(r.image()).isEqualTo(APP);
            assertThat(r.imageTag()).isEqualTo("v1");
        });
        ContainerDetails d = host.inspect(id);
        assertThat(d.env()).anySatisfy(e -> {
            assertThat(e.name()).isEqualTo("DB_PASSWORD");
            assertThat(e.masked()).isTrue();
            assertThat(e.value()).doesNotContain("hunter2");
        });
        assertThat(d.env()).anySatisfy(e -> assertThat(e).extracting("name", "value").containsExactly("GREETING", "hi"));
        assertThat(DefaultHostConnector.sshOf(host)).as("the host is reached through SSH, not the local socket").isPresent();
    }

    @Test
    void anExplicitSocketParameterWinsOverTheLookedUpRemoteSocket() throws Exception {
        String id = containers.cliRun(APP);
        try (DockerHost explicit = connector(Sandbox.sshConfig()).open("ssh://turnout-sandbox?socket=" + Sandbox.dockerSocket())) {
            assertThat(explicit.list(true)).anyMatch(r -> r.id().equals(id));
        }
        try (DockerHost wrong = connector(Sandbox.sshConfig()).open("ssh://turnout-sandbox?socket=/nonexistent/docker.sock")) {
            assertThatThrownBy(() -> wrong.list(true)).as("the relay uses the given path, not the remote $DOCKER_HOST")
                    .isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void outOfBandRunAppearsInTheLiveFeedWithinOneSecondOverSsh() {
        host.containers().start();
        FeedWait.until(host.containers(), Duration.ofSeconds(15), "first snapshot", s -> s.seq() > 0);

        long before = System.nanoTime();
        String id = containers.cliRun(APP);
        long cliReturned = System.nanoTime();
        FeedWait.until(host.containers(), Duration.ofSeconds(1), "container " + id + " in the snapshot",
                s -> s.byId(id).isPresent());
        long seen = System.nanoTime();
        LOG.info("out-of-band run visible {} ms after the CLI returned ({} ms after it was invoked)",
                TimeUnit.NANOSECONDS.toMillis(seen - cliReturned), TimeUnit.NANOSECONDS.toMillis(seen - before));
    }

    @Test
    void feedResyncsAfterTheSshSessionIsKilledServerSideAndMissesNothing() throws Exception {
        host.containers().start();
        FeedWait.until(host.containers(), Duration.ofSeconds(15), "first snapshot", s -> s.seq() > 0);
        String gone = containers.cliRun(APP);
        FeedWait.until(host.containers(), Duration.ofSeconds(5), "pre-existing container", s -> s.byId(gone).isPresent());

        killSshSessions();
        // While the session is down, the host changes: one container is removed, one created.
        containers.cliRemove(gone);
        String created = containers.cliRun(APP);

        FeedWait.until(host.connection(), Duration.ofSeconds(30), "reconnected",
                s -> s instanceof ConnectionState.Connected);
        ContainerSnapshot after = FeedWait.until(host.containers(), Duration.ofSeconds(30), "gap caught up",
                s -> s.byId(created).isPresent() && s.byId(gone).isEmpty());
        assertThat(after.byId(created)).isPresent();
        assertThat(host.list(false)).extracting(ContainerRow::id).contains(created).doesNotContain(gone);
    }

    @Test
    void changedHostKeyIsRefusedNamingBothFingerprints() throws Exception {
        host.close();
        host = null;
        Path knownHosts = config.resolve("known_hosts");
        String otherKey = Files.readString(Sandbox.otherHostKeyPub()).trim().split("\\s+", 3)[0] + " "
                + Files.readString(Sandbox.otherHostKeyPub()).trim().split("\\s+", 3)[1];
        Files.writeString(knownHosts, "[127.0.0.1]:" + Sandbox.sshPort() + " " + otherKey + "\n");
        Path sshConfig = config.resolve("ssh_config");
        Files.writeString(sshConfig, Files.readString(Sandbox.sshConfig())
                .replace(Sandbox.knownHosts().toString(), knownHosts.toString()));

        assertThatThrownBy(() -> connector(sshConfig).open("turnout-sandbox"))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("SHA256:")
                .hasMessageContaining(knownHosts.toString());
    }

    private static void killSshSessions() throws Exception {
        Process p = new ProcessBuilder(Sandbox.script().toString(), "kill-ssh-sessions").inheritIO().start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
    }

}
