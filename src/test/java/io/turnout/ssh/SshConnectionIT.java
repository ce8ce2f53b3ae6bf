package io.turnout.ssh;

import io.turnout.target.ConnectionState;
import io.turnout.testing.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SshConnectionIT {

    @TempDir
    Path tmp;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    private SshConfigFile configFile() {
        return SshConfigFile.explicit(Sandbox.sshConfig());
    }

    private SshOptions options(HostKeyPrompt prompt, SecretPrompt secrets) {
        return SshOptions.defaults(configFile(), prompt, secrets).withRoundTripInterval(Duration.ofMillis(500));
    }

    private SshConnection connect(SshHostConfig cfg, SshOptions opts) {
        SshConnection c = SshConnection.open(cfg, opts);
        open.add(c);
        return c;
    }

    private SshConnection sandbox() {
        return connect(configFile().resolve("turnout-sandbox"), options(HostKeyPrompt.rejecting(), SecretPrompt.none()));
    }

    @Test
    void execRunsAsTheConfiguredUser() {
        long t0 = System.nanoTime();
        SshConnection c = sandbox();
        long connectMs = (System.nanoTime() - t0) / 1_000_000;
        ExecResult r = c.exec("id -un", Duration.ofSeconds(10));
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout().strip()).isEqualTo("turnout");
        assertThat(c.state().current()).isInstanceOf(ConnectionState.Connected.class);
        System.out.printf("[measure] connect %d ms, rtt %s%n", connectMs, c.state().current().describe());
    }

    @Test
    void execReportsStderrAndExitCode() {
        ExecResult r = sandbox().exec("echo oops >&2; exit 3", Duration.ofSeconds(10));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stderr().strip()).isEqualTo("oops");
    }

    @Test
    void unixSocketRelayReachesTheRemoteDockerEngine() throws IOException {
        SshConnection c = sandbox();
        Path sock = c.forwardUnixSocket(Sandbox.dockerSocket());
        assertThat(Files.getPosixFilePermissions(sock.getParent()).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE, OWNER_EXECUTE]");
        assertThat(ping(sock)).endsWith("OK");
    }

    @Test
    void manyConcurrentRelayConnectionsShareTheOneSession() throws Exception {
        SshConnection c = sandbox();
        Path sock = c.forwardUnixSocket(Sandbox.dockerSocket());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            long t0 = System.nanoTime();
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                results.add(pool.submit(() -> ping(sock)));
            }
            for (Future<String> f : results) {
                assertThat(f.get(60, TimeUnit.SECONDS)).endsWith("OK");
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("[measure] 50 pings from 8 threads over one session: %d ms (%.1f req/s)%n", ms, 50_000.0 / Math.max(ms, 1));
        } finally {
            pool.shutdownNow();
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            assertThat(ping(sock)).endsWith("OK");
        }
        System.out.printf("[measure] 100 sequential pings: %.2f ms each%n", (System.nanoTime() - t1) / 1e6 / 100);
    }

    @Test
    void remoteDockerSocketFallsBackToTheDefaultPathOrTakesTheOverride() {
        SshConnection c = sandbox();
        assertThat(c.remoteDockerSocket(Optional.of("/run/x.sock"))).isEqualTo("/run/x.sock");
        assertThat(c.remoteDockerSocket()).startsWith("/").endsWith(".sock");
    }

    @Test
    void tcpForwardRelaysToARemoteLoopbackPort() throws IOException {
        SshConnection c = sandbox();
        int port = c.forwardTcp("127.0.0.1", Sandbox.sshPort());
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(5000);
            byte[] banner = new byte[8];
            int n = s.getInputStream().readNBytes(banner, 0, 8);
            assertThat(new String(banner, 0, n, StandardCharsets.US_ASCII)).startsWith("SSH-2.0");
        }
    }

    @Test
    void encryptedKeyIsUnlockedThroughTheSecretPrompt() {
        SshHostConfig cfg = configFile().resolve("turnout-sandbox").withIdentityFiles(List.of(Sandbox.sshKeyEncrypted()), true);
        List<String> asked = new CopyOnWriteArrayList<>();
        SshConnection c = connect(cfg, options(HostKeyPrompt.rejecting(), path -> {
            asked.add(path);
            return Optional.of(Sandbox.sshKeyPassphrase().toCharArray());
        }));
        assertThat(c.exec("id -un", Duration.ofSeconds(10)).stdout().strip()).isEqualTo("turnout");
        assertThat(asked).containsExactly(Sandbox.sshKeyEncrypted().toString());
    }

    @Test
    void wrongPassphraseFailsWithAClearPermissionDenied() {
        SshHostConfig cfg = configFile().resolve("turnout-sandbox").withIdentityFiles(List.of(Sandbox.sshKeyEncrypted()), true);
        assertThatThrownBy(() -> connect(cfg, options(HostKeyPrompt.rejecting(), p -> Optional.of("wrong".toCharArray()))))
                .isInstanceOf(SshAuthException.class)
                .hasMessageContaining("Permission denied for turnout@127.0.0.1:" + Sandbox.sshPort())
                .hasMessageContaining("wrong passphrase")
                .hasMessageContaining(Sandbox.sshKeyEncrypted().toString());
    }

    @Test
    void proxyJumpReachesTheTargetThroughTheJumpHost() {
        SshConnection c = connect(configFile().resolve("turnout-sandbox-jump"), options(HostKeyPrompt.rejecting(), SecretPrompt.none()));
        assertThat(c.exec("id -un", Duration.ofSeconds(10)).stdout().strip()).isEqualTo("turnout");
        Path sock = c.forwardUnixSocket(Sandbox.dockerSocket());
        assertThat(ping(sock)).endsWith("OK");
    }

    @Test
    void changedHostKeyIsRefusedNamingBothFingerprints() throws IOException {
        String realLine = Files.readAllLines(Sandbox.knownHosts()).stream().filter(l -> l.contains(":" + Sandbox.sshPort() + " ")).findFirst().orElseThrow();
        String[] other = Files.readString(Sandbox.otherHostKeyPub()).strip().split("\\s+");
        Path kh = tmp.resolve("known_hosts");
        Files.writeString(kh, realLine.split("\\s+")[0] + " " + other[0] + " " + other[1] + "\n");
        SshHostConfig cfg = configFile().resolve("turnout-sandbox").withUserKnownHostsFiles(List.of(kh));

        assertThatThrownBy(() -> connect(cfg, options(k -> { throw new AssertionError("prompted for a changed key"); }, SecretPrompt.none())))
                .isInstanceOf(HostKeyChangedException.class)
                .hasMessageContaining(Fingerprints.sha256(other[1]))
                .hasMessageContaining(Fingerprints.sha256(realLine.split("\\s+")[2]))
                .hasMessageContaining(kh + ":1");
    }

    @Test
    void unknownHostKeyPromptShowsTheRealFingerprintAndTrustAlwaysWritesIt() throws IOException {
        Path kh = tmp.resolve("kh/known_hosts");
        SshHostConfig cfg = configFile().resolve("turnout-sandbox").withUserKnownHostsFiles(List.of(kh));
        cfg = new SshHostConfig(cfg.alias(), cfg.hostName(), cfg.user(), cfg.port(), cfg.identityFiles(), cfg.identitiesOnly(),
                cfg.proxyJump(), cfg.userKnownHostsFiles(), SshHostConfig.StrictHostKeyChecking.ASK, cfg.serverAliveInterval(),
                cfg.serverAliveCountMax(), cfg.connectTimeout(), cfg.hostKeyAlias(), cfg.source());
        String expected = KeyTool.fingerprintOf(Sandbox.knownHosts());
        List<UnknownHostKey> asked = new CopyOnWriteArrayList<>();

        SshHostConfig rejectCfg = cfg;
        assertThatThrownBy(() -> connect(rejectCfg, options(k -> {
            asked.add(k);
            return HostKeyDecision.REJECT;
        }, SecretPrompt.none()))).isInstanceOf(HostKeyException.class).hasMessageContaining(expected);
        assertThat(kh).doesNotExist();

        SshConnection c = connect(cfg, options(k -> {
            asked.add(k);
            return HostKeyDecision.TRUST_ALWAYS;
        }, SecretPrompt.none()));
        assertThat(asked).extracting(UnknownHostKey::fingerprint).containsExactly(expected, expected);
        assertThat(KeyTool.fingerprintOf(kh)).isEqualTo(expected);
        assertThat(c.exec("true", Duration.ofSeconds(10)).ok()).isTrue();
    }

    @Test
    void silentServerGivesATimeoutErrorWithinTheConfiguredTime() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new CopyOnWriteArrayList<>();
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    accepted.add(silent.accept());
                } catch (IOException e) {
                    // closed
                }
            });
            SshHostConfig base = configFile().resolve("turnout-sandbox").withPort(silent.getLocalPort());
            SshOptions opts = options(HostKeyPrompt.rejecting(), SecretPrompt.none()).withConnectTimeout(Duration.ofSeconds(3));
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> connect(base, opts))
                    .isInstanceOf(SshException.class)
                    .hasMessage("No SSH answer from 127.0.0.1:" + silent.getLocalPort() + " within 3 s.");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
            acceptor.interrupt();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void refusedPortGivesACannotReachError() {
        SshHostConfig cfg = configFile().resolve("turnout-sandbox").withPort(1);
        assertThatThrownBy(() -> connect(cfg, options(HostKeyPrompt.rejecting(), SecretPrompt.none())))
                .hasMessage("Cannot reach 127.0.0.1:1: connection refused.");
    }

    @Test
    void reconnectsAfterServerSideSessionsAreKilled() throws Exception {
        SshConnection c = sandbox();
        Path sock = c.forwardUnixSocket(Sandbox.dockerSocket());
        assertThat(ping(sock)).endsWith("OK");
        List<ConnectionState> seen = new CopyOnWriteArrayList<>();
        c.state().subscribe(seen::add);

        KeyTool.run(Sandbox.script().toString(), "kill-ssh-sessions");

        await(() -> seen.stream().anyMatch(s -> s instanceof ConnectionState.Reconnecting), Duration.ofSeconds(20));
        await(() -> c.state().current() instanceof ConnectionState.Connected, Duration.ofSeconds(30));
        assertThat(c.exec("id -un", Duration.ofSeconds(10)).stdout().strip()).isEqualTo("turnout");
        assertThat(ping(sock)).endsWith("OK");
    }

    @Test
    void closeEndsInDisconnectedAndRemovesTheRelaySocket() {
        SshConnection c = sandbox();
        Path sock = c.forwardUnixSocket(Sandbox.dockerSocket());
        c.close();
        assertThat(c.state().current()).isEqualTo(new ConnectionState.Disconnected());
        assertThat(sock).doesNotExist();
        assertThatThrownBy(() -> c.exec("true", Duration.ofSeconds(1))).hasMessageContaining("is closed");
    }

    /** A raw HTTP/1.1 GET /_ping; returns the whole response text. */
    static String ping(Path sock) {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(sock));
            ch.write(ByteBuffer.wrap("GET /_ping HTTP/1.1\r\nHost: docker\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            ch.shutdownOutput();
            ByteBuffer buf = ByteBuffer.allocate(4096);
            StringBuilder sb = new StringBuilder();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && ch.read(buf) >= 0) {
                buf.flip();
                sb.append(StandardCharsets.US_ASCII.decode(buf));
                buf.clear();
            }
            return sb.toString().strip();
        } catch (IOException e) {
            throw new AssertionError("ping through " + sock + " failed", e);
        }
    }

    static void await(BooleanSupplier condition, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + max);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

}
