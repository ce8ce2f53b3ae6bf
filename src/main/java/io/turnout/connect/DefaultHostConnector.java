package io.turnout.connect;

import io.turnout.docker.DockerHost;
import io.turnout.docker.DockerHostFactory;
import io.turnout.docker.EngineDockerHost;
import io.turnout.profile.ConnectionProfile;
import io.turnout.profile.ProfileStore;
import io.turnout.ssh.SshConfigFile;
import io.turnout.ssh.SshConnection;
import io.turnout.ssh.SshException;
import io.turnout.ssh.SshHostConfig;
import io.turnout.ssh.SshOptions;
import io.turnout.target.TargetException;
import io.turnout.target.TargetUri;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Turns what the operator typed into a live {@link DockerHost}: {@code local}, a saved profile
 * name, or a URI / ssh alias. For ssh:// targets it opens ONE SSH session and relays the remote
 * engine's socket over it (ADR 0002).
 */
public final class DefaultHostConnector implements HostConnector {

    private final DockerHostFactory docker;
    private final SshConfigFile sshConfig;
    private final SshOptions sshOptions;
    private final ProfileStore profiles;

    public DefaultHostConnector(DockerHostFactory docker, SshConfigFile sshConfig, SshOptions sshOptions, ProfileStore profiles) {
        this.docker = docker;
        this.sshConfig = sshConfig;
        this.sshOptions = sshOptions;
        this.profiles = profiles;
    }

    @Override
    public DockerHost open(String hostSpec) {
        TargetUri target = resolve(hostSpec);
        return switch (target.scheme()) {
            case UNIX, TCP -> docker.direct(target);
            case SSH -> overSsh(target);
        };
    }

    /** {@code local} → the local engine (DOCKER_HOST or the default socket); a saved profile → its URI. */
    @Override
    public TargetUri resolve(String hostSpec) {
        if (hostSpec == null || hostSpec.isBlank()) {
            throw new IllegalArgumentException("A host is required, e.g. ssh://user@host, an ssh alias, or 'local'.");
        }
        String text = hostSpec.equals("local") ? hostSpec : profiles.load().stream()
                .filter(p -> p.name().equals(hostSpec)).findFirst().map(ConnectionProfile::uri).orElse(hostSpec);
        return text.equals("local") ? docker.localDefaultTarget() : TargetUri.parse(text);
    }

    private DockerHost overSsh(TargetUri target) {
        SshHostConfig cfg = sshConfig.resolve(target.host());
        if (target.user() != null) {
            cfg = cfg.withUser(target.user());
        }
        if (target.port() > 0) {
            cfg = cfg.withPort(target.port());
        }
        SshConnection ssh;
        try {
            ssh = SshConnection.open(cfg, sshOptions);
        } catch (SshException e) {
            throw new TargetException(e.getMessage(), e);
        }
        try {
            String socket = ssh.remoteDockerSocket(target.param("socket"));
            Path relay = ssh.forwardUnixSocket(socket);
            return new SshDockerHost(docker.viaRelay(target, relay, ssh.state()), ssh);
        } catch (RuntimeException e) {
            ssh.close();
            throw e instanceof SshException ? new TargetException(e.getMessage(), e) : e;
        }
    }

    /** The docker-java engine behind a host opened here, for engine code that drives Docker directly. */
    public static EngineDockerHost engineOf(DockerHost host) {
        return switch (host) {
            case EngineDockerHost e -> e;
            case SshDockerHost s -> s.engine();
            case LazyDockerHost l -> engineOf(l.real());
            default -> throw new IllegalArgumentException("Not a Docker engine host: " + host.target());
        };
    }

    /** For callers that want the SSH session of a host they opened (tunnels, SFTP). */
    public static Optional<SshConnection> sshOf(DockerHost host) {
        return switch (host) {
            case SshDockerHost s -> Optional.of(s.ssh());
            case LazyDockerHost l -> sshOf(l.real());
            default -> Optional.empty();
        };
    }
}
