package io.turnout.ui.shell;

import io.turnout.docker.ContainerSnapshot;
import io.turnout.docker.DockerHost;
import io.turnout.feed.Feed;
import io.turnout.target.ConnectionState;
import io.turnout.target.TargetUri;
import io.turnout.ui.common.SharedFeed;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One open host as the shell sees it: the engine object, its containers feed shared by every view
 * of the host, and the latest connection state and snapshot handed over on the FX thread. A host
 * starts as {@link ConnectionState.Connecting} with {@link ContainerSnapshot#EMPTY}.
 */
public final class HostEntry {

    private final DockerHost host;
    private final SharedFeed<ContainerSnapshot> containers;
    private final ReadOnlyObjectWrapper<ConnectionState> connection = new ReadOnlyObjectWrapper<>(new ConnectionState.Connecting());
    private final ReadOnlyObjectWrapper<ContainerSnapshot> snapshot = new ReadOnlyObjectWrapper<>(ContainerSnapshot.EMPTY);

    HostEntry(DockerHost host, Runnable onChange) {
        this.host = host;
        this.containers = new SharedFeed<>(host.containers());
        connection.subscribe(onChange);
        snapshot.subscribe(onChange);
    }

    public TargetUri target() {
        return host.target();
    }

    public String label() {
        return host.target().label();
    }

    public DockerHost host() {
        return host;
    }

    /** The host's containers feed; every view of this host starts/stops it through here. */
    public Feed<ContainerSnapshot> containers() {
        return containers;
    }

    public ReadOnlyObjectProperty<ConnectionState> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ContainerSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** FX thread: the connection feed's latest state. */
    public void applyConnection(ConnectionState state) {
        connection.set(state);
    }

    /** FX thread: the containers feed's latest snapshot. */
    public void applySnapshot(ContainerSnapshot next) {
        snapshot.set(next);
    }
}
