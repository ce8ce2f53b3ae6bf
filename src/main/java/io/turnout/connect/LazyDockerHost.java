package io.turnout.connect;

import io.turnout.docker.ContainerDetails;
import io.turnout.docker.ContainerRow;
import io.turnout.docker.ContainerSnapshot;
import io.turnout.docker.DockerHost;
import io.turnout.docker.LogLine;
import io.turnout.feed.Feed;
import io.turnout.feed.ValueFeed;
import io.turnout.target.ConnectionState;
import io.turnout.target.TargetException;
import io.turnout.target.TargetUri;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A host the console shows at once and connects in the background, so no window ever waits for
 * an SSH handshake or a host-key question. Its connection feed says Connecting, then mirrors the
 * real connection (or Failed with the one-sentence reason); its container feed is empty until the
 * real feed takes over. {@link #connect()} may be called again after a failure to retry.
 */
public final class LazyDockerHost implements DockerHost {

    private static final Logger LOG = LoggerFactory.getLogger(LazyDockerHost.class);

    private final String spec;
    private final TargetUri target;
    private final HostConnector connector;
    private final Executor background;
    private final ValueFeed<ConnectionState> connection = new ValueFeed<>(new ConnectionState.Connecting());
    private final ForwardingFeed<ContainerSnapshot> containers = new ForwardingFeed<>(ContainerSnapshot.EMPTY);
    private volatile DockerHost real;
    private volatile Feed.Subscription stateForward;
    private volatile RuntimeException failure;
    private volatile boolean closed;

    /** Resolves {@code spec} first (may read saved profiles: not on the FX thread). */
    public LazyDockerHost(String spec, HostConnector connector, Executor background) {
        this(spec, connector.resolve(spec), connector, background);
    }

    /** {@code target} is what {@code connector.resolve(spec)} returned; no I/O here, safe on any thread. */
    public LazyDockerHost(String spec, TargetUri target, HostConnector connector, Executor background) {
        this.spec = spec;
        this.target = target;
        this.connector = connector;
        this.background = background;
    }

    /** Starts connecting on the background executor; a no-op while connected or connecting. */
    public synchronized void connect() {
        if (closed || real != null) {
            return;
        }
        failure = null;
        connection.publish(new ConnectionState.Connecting());
        background.execute(this::doConnect);
    }

    /** Why the last attempt failed (e.g. a changed host key), for the front end to explain. */
    public Optional<RuntimeException> failure() {
        return Optional.ofNullable(failure);
    }

    private void doConnect() {
        DockerHost opened;
        try {
            opened = connector.open(spec);
        } catch (RuntimeException e) {
            failure = e;
            LOG.info("Cannot connect {}: {}", spec, e.getMessage());
            connection.publish(new ConnectionState.Failed(e.getMessage() == null ? e.toString() : e.getMessage()));
            return;
        }
        synchronized (this) {
            if (closed) {
                opened.close();
                return;
            }
            real = opened;
            stateForward = opened.connection().subscribe(connection::publish);
            connection.publish(opened.connection().current());
            containers.attach(opened.containers());
        }
    }

    /** The connected host behind this one (for engine code that needs its API or SSH session). */
    DockerHost real() {
        return requireReal();
    }

    private DockerHost requireReal() {
        DockerHost r = real;
        if (r == null) {
            throw new TargetException(failure != null ? failure.getMessage() : "Still connecting to " + spec + ".");
        }
        return r;
    }

    @Override public TargetUri target() { return real != null ? real.target() : target; }
    @Override public Feed<ConnectionState> connection() { return connection; }
    @Override public Feed<ContainerSnapshot> containers() { return containers; }
    @Override public List<ContainerRow> list(boolean all) { return requireReal().list(all); }
    @Override public ContainerDetails inspect(String containerId) { return requireReal().inspect(containerId); }

    @Override
    public AutoCloseable logs(String containerId, int tail, boolean follow, Consumer<LogLine> sink) {
        return requireReal().logs(containerId, tail, follow, sink);
    }

    @Override
    public synchronized void close() {
        closed = true;
        containers.stop();
        containers.detach();
        if (stateForward != null) {
            stateForward.close();
        }
        if (real != null) {
            real.close();
        }
        connection.publish(new ConnectionState.Disconnected());
    }
}
