package io.turnout.release;

import io.turnout.connect.DefaultHostConnector;
import io.turnout.connect.StackHosts;
import io.turnout.docker.DockerHost;
import io.turnout.docker.DockerHostFactory;
import io.turnout.plan.PlanResult;
import io.turnout.plan.RunOptions;
import io.turnout.profile.ProfileStore;
import io.turnout.ssh.HostKeyPrompt;
import io.turnout.ssh.SecretPrompt;
import io.turnout.ssh.SshConfigFile;
import io.turnout.ssh.SshOptions;
import io.turnout.stack.StackSpec;
import io.turnout.stack.StackSpecs;
import io.turnout.testing.Sandbox;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stack of one routed service on the sandbox host, reached the way operators reach theirs: an
 * ssh-config alias → the real sshd → the real dockerd; state over SFTP; router ports through tunnels.
 * Unique name and public port per fixture; {@link #close()} removes everything it created.
 */
final class StackFixture implements AutoCloseable {

    final String name = "it" + UUID.randomUUID().toString().substring(0, 6);
    final int publicPort = freePort();
    final DockerHost host;
    final DockerStackOperations ops;
    private final Path profiles;

    StackFixture() {
        try {
            profiles = Files.createTempDirectory("turnout-it-profiles");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        host = openHost(profiles);
        ops = new DockerStackOperations(StackHosts.of(host), name, Clock.systemUTC(), 5);
    }

    /** A second, independent console on the same host (its own SSH session). */
    DockerStackOperations secondConsole(DockerHost other) {
        return new DockerStackOperations(StackHosts.of(other), name, Clock.systemUTC(), 5);
    }

    static DockerHost openHost(Path profiles) {
        SshConfigFile cfg = SshConfigFile.explicit(Sandbox.sshConfig());
        return new DefaultHostConnector(DockerHostFactory.withDefaults(), cfg,
                SshOptions.defaults(cfg, HostKeyPrompt.rejecting(), SecretPrompt.none()), new ProfileStore(profiles))
                .open(Sandbox.host());
    }

    String yaml(String routerKind, String image, String healthTimeout) {
        return """
                name: %s
                router: { kind: %s, publicPort: %d, publicBind: 127.0.0.1, drainTimeout: 5s }
                services:
                  web:
                    image: %s
                    port: 8080
                    health: { path: /health, interval: 500ms, timeout: %s }
                    env: { GREETING: hello }
                """.formatted(name, routerKind, publicPort, image, healthTimeout);
    }

    StackSpec spec(String routerKind) {
        return StackSpecs.parse(yaml(routerKind, "turnout-fixture/app:v1", "30s"));
    }

    /** Applies the stack with app:v1 on blue and asserts it worked. */
    StackFixture applied(String routerKind) {
        PlanResult r = ops.execute(ops.planApply(spec(routerKind)), RunOptions.simple("it"));
        assertThat(r.succeeded()).as("apply: %s", r.error()).isTrue();
        return this;
    }

    InetSocketAddress publicAddress() {
        return new InetSocketAddress("127.0.0.1", publicPort);
    }

    /** The version the public frontend serves right now (one fresh request). */
    String servedVersion() {
        HttpCheck c = HttpCheck.get(publicAddress(), "/version", null, java.time.Duration.ofSeconds(3));
        assertThat(c.ok()).as("public GET /version: %s", c.describe()).isTrue();
        return c.version();
    }

    @Override
    public void close() {
        try {
            if (ops.lock().isPresent()) {
                ops.forceReleaseLock();
            }
            ops.execute(ops.planRemove(), RunOptions.simple("it-cleanup"));
        } catch (RuntimeException e) {
            // nothing applied, nothing to remove
        } finally {
            host.close();
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
