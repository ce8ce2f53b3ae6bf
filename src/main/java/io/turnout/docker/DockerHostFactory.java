package io.turnout.docker;

import io.turnout.feed.Feed;
import io.turnout.target.ConnectionState;
import io.turnout.target.TargetUri;

import java.nio.file.Path;
import java.time.Duration;

/** Opens {@link DockerHost}s; the composition root holds one of these. */
public final class DockerHostFactory {

    private final DockerClients clients;
    private final ContainerFeed.Settings feedSettings;
    private final Duration pingInterval;

    public DockerHostFactory(DockerClients clients, ContainerFeed.Settings feedSettings, Duration pingInterval) {
        this.clients = clients;
        this.feedSettings = feedSettings;
        this.pingInterval = pingInterval;
    }

    public static DockerHostFactory withDefaults() {
        return new DockerHostFactory(DockerClients.withDefaults(), ContainerFeed.Settings.defaults(), Duration.ofSeconds(5));
    }

    /** A unix:// or tcp:// target; its connection state comes from pinging the engine (started here). */
    public EngineDockerHost direct(TargetUri target) {
        EngineClients c = clients.forTarget(target);
        PingConnection ping = new PingConnection(c.api(), pingInterval, 3, target.label());
        ping.start();
        return new EngineDockerHost(c, target, ping, true, mapper(), feedSettings);
    }

    /** Where the local default engine is ({@code DOCKER_HOST} or /var/run/docker.sock), without connecting. */
    public TargetUri localDefaultTarget() {
        return clients.localDefaultTarget();
    }

    /**
     * An ssh:// target: the SSH layer relays {@code relaySocket} (local) to the remote engine and owns
     * {@code sshState}; the container feed waits for it to report Connected after a drop.
     */
    public EngineDockerHost viaRelay(TargetUri sshTarget, Path relaySocket, Feed<ConnectionState> sshState) {
        return new EngineDockerHost(clients.unixSocket(relaySocket), sshTarget, sshState, false, mapper(), feedSettings);
    }

    private static ContainerMapper mapper() {
        return new ContainerMapper(new SecretMasker());
    }
}
