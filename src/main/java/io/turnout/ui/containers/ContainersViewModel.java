package io.turnout.ui.containers;

import io.turnout.docker.ContainerRow;
import io.turnout.docker.ContainerSnapshot;
import io.turnout.docker.Health;
import io.turnout.target.ConnectionState;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The live containers view of one host. Applies each {@link ContainerSnapshot} as a keyed diff by
 * container id: known containers are updated in place, new ones added, gone ones removed, so the
 * selection survives updates and a removed selected container deselects cleanly. While the host
 * is not connected the empty table explains why ({@link #placeholderProperty()}). FX thread only.
 */
public final class ContainersViewModel {

    private final Supplier<Instant> clock;
    private final String hostLabel;
    private final ObjectProperty<ConnectionState> connection = new SimpleObjectProperty<>(new ConnectionState.Connected(java.time.Duration.ZERO));
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper();
    private final Map<String, ContainerItem> items = new LinkedHashMap<>();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<ContainerItem> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper structure = new ReadOnlyLongWrapper();
    private final ReadOnlyObjectWrapper<ContainerSnapshot> snapshot = new ReadOnlyObjectWrapper<>(ContainerSnapshot.EMPTY);

    public ContainersViewModel(Supplier<Instant> clock) {
        this(clock, "the host");
    }

    /** {@code hostLabel} names the host in the empty-state text ("Connecting to prod-1…"). */
    public ContainersViewModel(Supplier<Instant> clock, String hostLabel) {
        this.clock = clock;
        this.hostLabel = hostLabel;
        filter.subscribe(f -> structure.set(structure.get() + 1));
        structure.subscribe(this::updatePlaceholder);
        connection.subscribe(this::updatePlaceholder);
    }

    /** What the table says when it has no rows: why it is empty, given the connection, snapshot and filter. */
    private void updatePlaceholder() {
        boolean noRows = items.isEmpty();
        ConnectionState state = Objects.requireNonNullElseGet(connection.get(), ConnectionState.Connecting::new);
        placeholder.set(switch (state) {
            case ConnectionState.Connecting c when noRows -> "Connecting to " + hostLabel + "…";
            case ConnectionState.Reconnecting r when noRows -> "Reconnecting to " + hostLabel + " (attempt " + r.attempt() + "): " + r.reason();
            case ConnectionState.Failed f when noRows -> "Cannot connect: " + f.reason();
            case ConnectionState.Disconnected d when noRows -> "Disconnected from " + hostLabel;
            default -> snapshot.get().seq() == 0 && noRows ? "Waiting for the first snapshot…"
                    : noRows ? "No containers on this host"
                    : "No containers match “" + Objects.requireNonNullElse(filter.get(), "") + "”";
        });
    }

    public void apply(ContainerSnapshot next) {
        Instant now = clock.get();
        items.keySet().retainAll(next.byIdMap().keySet());
        for (ContainerRow row : next.rows()) {
            ContainerItem item = items.get(row.id());
            if (item == null) {
                items.put(row.id(), new ContainerItem(row, now));
            } else {
                item.update(row, now);
            }
        }
        if (selected.get() != null && !items.containsKey(selected.get().id())) {
            selected.set(null);
        }
        snapshot.set(next);
        // Group summaries (counts, health) change with any row, so the view re-syncs every apply;
        // the keyed tree diff keeps that cheap and leaves unchanged rows alone.
        structure.set(structure.get() + 1);
    }

    /** Refreshes the uptime column; called once per second while the view is showing. */
    public void tick() {
        Instant now = clock.get();
        items.values().forEach(i -> i.tick(now));
    }

    /** The host's connection state; the navigator binds it to the shell's copy. */
    public ObjectProperty<ConnectionState> connectionProperty() {
        return connection;
    }

    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyObjectProperty<ContainerItem> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Selects by id; an unknown or null id clears the selection. */
    public void select(String id) {
        selected.set(id == null ? null : items.get(id));
    }

    public ReadOnlyObjectProperty<ContainerSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** Increments whenever {@link #groups()} may have changed (new snapshot or filter). */
    public ReadOnlyLongProperty structureProperty() {
        return structure.getReadOnlyProperty();
    }

    public List<ContainerItem> items() {
        return List.copyOf(items.values());
    }

    public List<ContainerItem> visibleItems() {
        List<ContainerItem> out = new ArrayList<>();
        for (ContainerItem item : items.values()) {
            if (item.matches(filter.get())) {
                out.add(item);
            }
        }
        return out;
    }

    public List<ContainerGroups.Stack<ContainerItem>> groups() {
        return ContainerGroups.group(visibleItems(), ContainerItem::row);
    }

    /** "2/3 running · 1 unhealthy · 1 starting" for a group heading. */
    public static String summary(List<ContainerItem> members) {
        long running = members.stream().filter(i -> i.row().running()).count();
        long unhealthy = members.stream().filter(i -> i.row().health() == Health.UNHEALTHY).count();
        long starting = members.stream().filter(i -> i.row().health() == Health.STARTING).count();
        StringBuilder sb = new StringBuilder().append(running).append('/').append(members.size()).append(" running");
        if (unhealthy > 0) {
            sb.append(" · ").append(unhealthy).append(" unhealthy");
        }
        if (starting > 0) {
            sb.append(" · ").append(starting).append(" starting");
        }
        return sb.toString();
    }
}
