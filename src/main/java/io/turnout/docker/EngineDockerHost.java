package io.turnout.docker;

import com.github.dockerjava.api.exception.NotFoundException;
import io.turnout.feed.Feed;
import io.turnout.target.ConnectionState;
import io.turnout.target.TargetUri;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A {@link DockerHost} backed by docker-java. Owns its clients and its container feed; the
 * connection feed is owned by whoever created it (the SSH session, or a {@link PingConnection}
 * handed over with {@code ownsConnection=true}).
 */
public final class EngineDockerHost implements DockerHost {

    private static final Duration LOG_WAIT = Duration.ofSeconds(30);

    private final EngineClients clients;
    private final TargetUri target;
    private final Feed<ConnectionState> connection;
    private final boolean ownsConnection;
    private final ContainerMapper mapper;
    private final ContainerFeed containers;

    public EngineDockerHost(EngineClients clients, TargetUri target, Feed<ConnectionState> connection,
                            boolean ownsConnection, ContainerMapper mapper, ContainerFeed.Settings feedSettings) {
        this.clients = clients;
        this.target = target;
        this.connection = connection;
        this.ownsConnection = ownsConnection;
        this.mapper = mapper;
        this.containers = new ContainerFeed(clients.api(), clients.streaming(), connection, mapper, feedSettings,
                target.label());
    }

    /** The engine's API client, for engine code (stacks, plans) that drives Docker directly. */
    public com.github.dockerjava.api.DockerClient api() {
        return clients.api();
    }

    @Override
    public TargetUri target() {
        return target;
    }

    @Override
    public Feed<ConnectionState> connection() {
        return connection;
    }

    @Override
    public ContainerFeed containers() {
        return containers;
    }

    /** Rows from the list API; restart count and start time come from the live feed's cache when it has them. */
    @Override
    public List<ContainerRow> list(boolean all) {
        Map<String, ContainerRow> known = containers.current().byIdMap();
        return clients.api().listContainersCmd().withShowAll(all).exec().stream()
                .map(mapper::fromList)
                .map(row -> {
                    ContainerRow k = known.get(row.id());
                    return k == null ? row : new ContainerRow(row.id(), row.name(), row.image(), row.state(), row.health(),
                            row.stack(), row.service(), row.color(), row.ports(), k.restartCount(), row.created(),
                            k.startedAt(), row.status());
                })
                .toList();
    }

    @Override
    public ContainerDetails inspect(String containerId) {
        try {
            return mapper.details(clients.api().inspectContainerCmd(containerId).exec());
        } catch (NotFoundException e) {
            throw new NoSuchContainerException(containerId, e);
        }
    }

    /**
     * Without {@code follow} this blocks until the tail has been delivered (at most 30 s) and returns a
     * spent handle. With {@code follow} it returns once Docker has accepted the request; lines
     * arrive on a docker-java thread until the handle is closed or the container's output ends.
     */
    @Override
    public AutoCloseable logs(String containerId, int tail, boolean follow, Consumer<LogLine> sink) {
        return LogStream.open(follow ? clients.streaming() : clients.api(), containerId, tail, follow, sink, LOG_WAIT);
    }

    @Override
    public void close() {
        containers.close();
        if (ownsConnection) {
            connection.close();
        }
        clients.close();
    }
}
