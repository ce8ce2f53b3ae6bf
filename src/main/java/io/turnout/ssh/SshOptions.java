package io.turnout.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How an {@link SshConnection} behaves beyond what ssh_config says.
 *
 * @param configFile          resolves ProxyJump hops (their own Host blocks)
 * @param hostKeyPrompt       asked about unknown host keys
 * @param secretPrompt        asked for key passphrases
 * @param connectTimeout      TCP connect + SSH handshake limit, per hop, unless the config sets ConnectTimeout
 * @param keepAliveInterval   overrides ServerAliveInterval when present
 * @param roundTripInterval   how often the round trip is measured (also a liveness probe)
 * @param reconnectWait       how long new channels wait for a reconnecting session before failing
 * @param maxReconnectAttempts after this many failed attempts the connection goes {@code Failed}
 * @param runtimeDir          parent directory for local relay sockets
 * @param agentSocket         the ssh-agent socket whose keys are offered (unless IdentitiesOnly);
 *                            {@link #defaults} takes it from {@code SSH_AUTH_SOCK}
 */
public record SshOptions(
        SshConfigFile configFile,
        HostKeyPrompt hostKeyPrompt,
        SecretPrompt secretPrompt,
        Duration connectTimeout,
        Optional<Duration> keepAliveInterval,
        Duration roundTripInterval,
        Duration reconnectWait,
        int maxReconnectAttempts,
        Path runtimeDir,
        Optional<Path> agentSocket) {

    public SshOptions {
        Objects.requireNonNull(configFile);
        Objects.requireNonNull(hostKeyPrompt);
        Objects.requireNonNull(secretPrompt);
        Objects.requireNonNull(connectTimeout);
        Objects.requireNonNull(keepAliveInterval);
        Objects.requireNonNull(roundTripInterval);
        Objects.requireNonNull(reconnectWait);
        Objects.requireNonNull(runtimeDir);
        Objects.requireNonNull(agentSocket);
    }

    /**
     * 10 s connect timeout, RTT every 5 s, relays wait up to 30 s for a reconnect, 100 reconnect attempts,
     * the ssh-agent named by {@code SSH_AUTH_SOCK} (if set).
     */
    public static SshOptions defaults(SshConfigFile configFile, HostKeyPrompt hostKeyPrompt, SecretPrompt secretPrompt) {
        return new SshOptions(configFile, hostKeyPrompt, secretPrompt, Duration.ofSeconds(10), Optional.empty(),
                Duration.ofSeconds(5), Duration.ofSeconds(30), 100, RuntimeDirs.defaultParent(),
                agentSocketFrom(System.getenv()));
    }

    /** {@code SSH_AUTH_SOCK} from {@code env}, when set and not blank. */
    public static Optional<Path> agentSocketFrom(Map<String, String> env) {
        return Optional.ofNullable(env.get("SSH_AUTH_SOCK")).filter(s -> !s.isBlank()).map(Path::of);
    }

    public SshOptions withConnectTimeout(Duration d) {
        return new SshOptions(configFile, hostKeyPrompt, secretPrompt, d, keepAliveInterval, roundTripInterval,
                reconnectWait, maxReconnectAttempts, runtimeDir, agentSocket);
    }

    public SshOptions withRoundTripInterval(Duration d) {
        return new SshOptions(configFile, hostKeyPrompt, secretPrompt, connectTimeout, keepAliveInterval, d,
                reconnectWait, maxReconnectAttempts, runtimeDir, agentSocket);
    }

    public SshOptions withKeepAliveInterval(Duration d) {
        return new SshOptions(configFile, hostKeyPrompt, secretPrompt, connectTimeout, Optional.of(d), roundTripInterval,
                reconnectWait, maxReconnectAttempts, runtimeDir, agentSocket);
    }

    /** Offer the keys of the ssh-agent at {@code socket} (empty: no agent) instead of {@code SSH_AUTH_SOCK}'s. */
    public SshOptions withAgentSocket(Optional<Path> socket) {
        return new SshOptions(configFile, hostKeyPrompt, secretPrompt, connectTimeout, keepAliveInterval, roundTripInterval,
                reconnectWait, maxReconnectAttempts, runtimeDir, socket);
    }

    /** The timeout for one hop: ConnectTimeout from the config if set, else ours. */
    Duration connectTimeoutFor(SshHostConfig cfg) {
        return cfg.connectTimeout().orElse(connectTimeout);
    }

    Duration keepAliveFor(SshHostConfig cfg) {
        return keepAliveInterval.orElse(cfg.serverAliveInterval());
    }
}
