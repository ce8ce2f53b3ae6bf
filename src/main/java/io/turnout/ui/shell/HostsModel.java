package io.turnout.ui.shell;

import io.turnout.docker.DockerHost;
import io.turnout.target.TargetUri;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Optional;

/**
 * The hosts open in the window, in the order they were added, keyed by target. Sidebar, status
 * bar, palette and navigator all follow this list; {@link #revisionProperty()} ticks on any change
 * (a host added or removed, a new connection state or snapshot). FX thread only.
 */
public final class HostsModel {

    private final ObservableList<HostEntry> hosts = FXCollections.observableArrayList();
    private final ObservableList<HostEntry> readOnly = FXCollections.unmodifiableObservableList(hosts);
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();

    /** Adds {@code host}; false (and nothing changes) when a host with the same target is already open. */
    public boolean add(DockerHost host) {
        if (find(host.target()).isPresent()) {
            return false;
        }
        hosts.add(new HostEntry(host, this::changed));
        changed();
        return true;
    }

    /** Removes the host with this target; whoever listens to {@link #hosts()} closes it. */
    public Optional<HostEntry> remove(TargetUri target) {
        Optional<HostEntry> entry = find(target);
        entry.ifPresent(e -> {
            hosts.remove(e);
            changed();
        });
        return entry;
    }

    public Optional<HostEntry> find(TargetUri target) {
        return hosts.stream().filter(e -> e.target().equals(target)).findFirst();
    }

    public ObservableList<HostEntry> hosts() {
        return readOnly;
    }

    /** {@code TargetUri.toString()} of every open host, for {@link UiState#openHosts()}. */
    public List<String> specs() {
        return hosts.stream().map(e -> e.target().toString()).toList();
    }

    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    private void changed() {
        revision.set(revision.get() + 1);
    }
}
