package io.turnout.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.turnout.target.TargetUri;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;

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
        return build(config("unix://" + socket.toAbsolutePath(), false, null), null);
    }

    /** {@code tcp://host:port}; with {@code tls=true} the {@code certs} dir must hold ca.pem, cert.pem, key.pem. */
    public EngineClients tcp(String host, int port, boolean tls, Path certDir) {
        return tcp(host, port, tls, certDir, "certs=" + certDir);
    }

    private EngineClients tcp(String host, int port, boolean tls, Path certDir, String certSource) {
        if (!tls) {
            return build(config("tcp://" + host + ":" + port, false, null), null);
        }
        requireCerts(certDir, certSource);
        DockerClientConfig config = config("tcp://" + host + ":" + port, true, certDir);
        return build(config, new TlsErrors(host, port, certDir, sslContext(config, certDir), connectTimeout));
    }

    /** For unix:// and tcp:// targets; ssh:// targets go through the SSH layer's relay socket instead. */
    public EngineClients forTarget(TargetUri target) {
        return switch (target.scheme()) {
            case UNIX -> unixSocket(Path.of(target.path()));
            case TCP -> {
                Optional<Path> certs = target.param("certs").filter(c -> !c.isBlank()).map(Path::of);
                yield certs.isPresent()
                        ? tcp(target.host(), target.port(), target.tls(), certs.get())
                        : tcp(target.host(), target.port(), target.tls(), envCertPath(), envCertSource());
            }
            case SSH -> throw new IllegalArgumentException(
                    "ssh:// targets are reached through the SSH layer's local socket; use unixSocket(relayPath).");
        };
    }

    /** {@code DOCKER_HOST} (with {@code DOCKER_TLS_VERIFY}/{@code DOCKER_CERT_PATH}) or the default socket. */
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

    /** {@code DOCKER_CERT_PATH}, else {@code $HOME/.docker} (as the docker CLI). */
    private Path envCertPath() {
        String dir = env.get("DOCKER_CERT_PATH");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        String home = env.get("HOME");
        return Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home, ".docker");
    }

    private String envCertSource() {
        String dir = env.get("DOCKER_CERT_PATH");
        return dir != null && !dir.isBlank() ? "DOCKER_CERT_PATH"
                : "no certs= in the host URI and DOCKER_CERT_PATH is not set";
    }

    private static boolean isTrue(String v) {
        return v != null && !v.isBlank() && !v.equals("0") && !v.equalsIgnoreCase("false");
    }

    /** Fails with one sentence naming the missing files, the directory and where that directory came from. */
    private static void requireCerts(Path dir, String source) {
        List<String> missing = Stream.of("ca.pem", "cert.pem", "key.pem")
                .filter(f -> !Files.isReadable(dir.resolve(f))).toList();
        if (missing.isEmpty()) {
            return;
        }
        String files = missing.size() == 1 ? missing.getFirst() + " is"
                : String.join(", ", missing.subList(0, missing.size() - 1)) + " and " + missing.getLast() + " are";
        throw new IllegalArgumentException("TLS is on but " + files + " missing or unreadable in " + dir + " (" + source
                + "); give the directory with the client's ca.pem, cert.pem and key.pem as ?certs=DIR.");
    }

    private static SSLContext sslContext(DockerClientConfig config, Path certDir) {
        try {
            return config.getSSLConfig().getSSLContext();
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("Cannot load the TLS client material in " + certDir + ": " + e.getMessage() + ".", e);
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

    /** @param tlsErrors maps TLS failures to one sentence; null for plain connections */
    private EngineClients build(DockerClientConfig config, TlsErrors tlsErrors) {
        DockerClient api = client(config, responseTimeout, 16, tlsErrors);
        DockerClient streaming = client(config, null, 64, tlsErrors); // no read timeout: idle streams are normal
        return new EngineClients(api, streaming);
    }

    private DockerClient client(DockerClientConfig config, Duration response, int maxConnections, TlsErrors tlsErrors) {
        ZerodepDockerHttpClient.Builder http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(maxConnections)
                .connectionTimeout(connectTimeout);
        if (response != null) {
            http.responseTimeout(response);
        }
        DockerHttpClient built = http.build();
        return DockerClientImpl.getInstance(config, tlsErrors == null ? built : tlsErrors.wrap(built));
    }
}
