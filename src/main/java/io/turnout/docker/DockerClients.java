package io.turnout.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.turnout.target.TargetUri;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Builds docker-java clients for the ways Turnout reaches an engine: a unix socket (local, or the
 * local relay socket the SSH layer exposes for a remote engine), {@code tcp://} with optional TLS,
 * and the local default ({@code DOCKER_HOST} or {@code /var/run/docker.sock}).
 */
public final class DockerClients {

    public static final String DEFAULT_SOCKET = "/var/run/docker.sock";

    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final Map<String, String> env;

    /** @param env the process environment ({@code System.getenv()}), injected for tests */
    public DockerClients(Duration connectTimeout, Duration responseTimeout, Map<String, String> env) {
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
        this.env = Map.copyOf(env);
    }

    /** 5 s to connect, 60 s for any single non-streaming response. */
    public static DockerClients withDefaults() {
        return new DockerClients(Duration.ofSeconds(5), Duration.ofSeconds(60), System.getenv());
    }

    /** A unix socket, e.g. {@code /run/docker.sock} or the SSH layer's local relay socket. */
    public EngineClients unixSocket(Path socket) {
        return build(config("unix://" + socket.toAbsolutePath(), false, null));
    }

    /** {@code tcp://host:port}; with {@code tls=true} the {@code certs} dir must hold ca.pem, cert.pem, key.pem. */
    public EngineClients tcp(String host, int port, boolean tls, Path certDir) {
        if (tls) {
            requireCerts(certDir);
        }
        return build(config("tcp://" + host + ":" + port, tls, certDir));
    }

    /** For unix:// and tcp:// targets; ssh:// targets go through the SSH layer's relay socket instead. */
    public EngineClients forTarget(TargetUri target) {
        return switch (target.scheme()) {
            case UNIX -> unixSocket(Path.of(target.path()));
            case TCP -> tcp(target.host(), target.port(), target.tls(),
                    target.param("certs").map(Path::of).orElseGet(this::envCertPath));
            case SSH -> throw new IllegalArgumentException(
                    "ssh:// targets are reached through the SSH layer's local socket; use unixSocket(relayPath).");
        };
    }

    /** {@code DOCKER_HOST} (with {@code DOCKER_TLS_VERIFY}/{@code DOCKER_CERT_PATH}) or the default socket. */
    public EngineClients localDefault() {
        return forTarget(localDefaultTarget());
    }

    public TargetUri localDefaultTarget() {
        String host = env.get("DOCKER_HOST");
        if (host == null || host.isBlank()) {
            return TargetUri.parse("unix://" + DEFAULT_SOCKET);
        }
        TargetUri parsed = TargetUri.parse(host);
        if (parsed.scheme() == TargetUri.Scheme.TCP && isTrue(env.get("DOCKER_TLS_VERIFY")) && !parsed.tls()) {
            return TargetUri.parse(host + (host.contains("?") ? "&" : "?") + "tls=true");
        }
        return parsed;
    }

    private Path envCertPath() {
        String dir = env.get("DOCKER_CERT_PATH");
        return dir == null || dir.isBlank() ? Path.of(System.getProperty("user.home"), ".docker") : Path.of(dir);
    }

    private static boolean isTrue(String v) {
        return v != null && !v.isBlank() && !v.equals("0") && !v.equalsIgnoreCase("false");
    }

    private static void requireCerts(Path dir) {
        for (String f : new String[] {"ca.pem", "cert.pem", "key.pem"}) {
            if (!Files.isReadable(dir.resolve(f))) {
                throw new IllegalArgumentException("TLS is on but " + dir.resolve(f) + " is missing or unreadable.");
            }
        }
    }

    private static DockerClientConfig config(String dockerHost, boolean tls, Path certDir) {
        // a fresh builder, not createDefaultConfigBuilder(): the latter would let DOCKER_* env vars
        // and ~/.docker-java.properties silently override the target the operator picked
        DefaultDockerClientConfig.Builder b = new DefaultDockerClientConfig.Builder()
                .withDockerHost(dockerHost)
                .withDockerTlsVerify(tls);
        if (tls) {
            b.withDockerCertPath(certDir.toAbsolutePath().toString());
        }
        return b.build();
    }

    private EngineClients build(DockerClientConfig config) {
        DockerClient api = client(config, responseTimeout, 16);
        DockerClient streaming = client(config, null, 64); // no read timeout: idle streams are normal
        return new EngineClients(api, streaming);
    }

    private DockerClient client(DockerClientConfig config, Duration response, int maxConnections) {
        ZerodepDockerHttpClient.Builder http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(maxConnections)
                .connectionTimeout(connectTimeout);
        if (response != null) {
            http.responseTimeout(response);
        }
        return DockerClientImpl.getInstance(config, http.build());
    }
}
