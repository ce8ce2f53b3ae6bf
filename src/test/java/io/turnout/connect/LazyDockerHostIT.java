package io.turnout.connect;

import io.turnout.docker.DockerClients;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The console's hosts: shown at once, connected in the background over the real sandbox SSH. */
class LazyDockerHostIT {

    @TempDir
    Path config;

    private DefaultHostConnector connector() {
        SshConfigFile cfg = SshConfigFile.explicit(Sandbox.sshConfig());
        return new DefaultHostConnector(DockerHostFactory.withDefaults(), cfg,
                SshOptions.defaults(cfg, HostKeyPrompt.rejecting(), SecretPrompt.none()).withConnectTimeout(Duration.ofSeconds(3)),
                new ProfileStore(config));
    }

    @Test
    void feedStartedBeforeTheConnectionDeliversRealContainersOnceConnected() {
        try (EngineClients admin = DockerClients.withDefaults().forTarget(TargetUri.parse(Sandbox.dockerHost()));
             SandboxContainers containers = new SandboxContainers(admin.api());
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
             LazyDockerHost host = new LazyDockerHost("turnout-sandbox", connector(), pool)) {
            String id = containers.cliRun("turnout-fixture/app:v1");
            assertThat(host.connection().current()).isInstanceOf(ConnectionState.Connecting.class);
            host.containers().start(); // the view is already showing
            assertThatThrownBy(() -> host.list(false)).isInstanceOf(TargetException.class).hasMessageContaining("Still connecting");

            host.connect();
            FeedWait.until(host.connection(), Duration.ofSeconds(15), "connected", s -> s instanceof ConnectionState.Connected);
            FeedWait.until(host.containers(), Duration.ofSeconds(15), "the running container", s -> s.byId(id).isPresent());
            assertThat(host.list(false)).anySatisfy(r -> assertThat(r.id()).isEqualTo(id));
        }
    }

    @Test
    void unreachableHostFailsWithTheReasonAndCanBeRetried() {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
             LazyDockerHost host = new LazyDockerHost("ssh://turnout@127.0.0.1:1", connector(), pool)) {
            host.connect();
            ConnectionState failed = FeedWait.until(host.connection(), Duration.ofSeconds(10), "failed",
                    s -> s instanceof ConnectionState.Failed);
            assertThat(((ConnectionState.Failed) failed).reason()).contains("Cannot reach 127.0.0.1:1");
            assertThat(host.failure()).isPresent();

            List<ConnectionState> seen = new CopyOnWriteArrayList<>();
            host.connection().subscribe(seen::add);
            host.connect(); // a retry goes through Connecting again and fails again for the same reason
            FeedWait.until(host.connection(), Duration.ofSeconds(10), "failed again", s -> s instanceof ConnectionState.Failed);
            assertThat(seen).hasSize(2);
            assertThat(seen.get(0)).isInstanceOf(ConnectionState.Connecting.class);
            assertThat(seen.get(1)).isInstanceOf(ConnectionState.Failed.class);
        }
    }
}
