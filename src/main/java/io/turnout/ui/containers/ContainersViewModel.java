package io.turnout.ui.containers;

import io.turnout.docker.ContainerRow;
import io.turnout.docker.ContainerSnapshot;
import io.turnout.docker.Health;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The live containers view of one host. Applies each {@link ContainerSnapshot} as a keyed diff by
 * container id: known containers are updated in place, new ones added, gone ones removed, so the
 * selection survives updates and a removed selected container deselects cleanly. FX thread only.
 */
public final class ContainersViewModel {

    private final Supplier<Instant> clock;
    private final Map<String, ContainerItem> items = new LinkedHashMap<>();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<ContainerItem> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper structure = new ReadOnlyLongWrapper();
    private final ReadOnlyObjectWrapper<ContainerSnapshot> snapshot = new ReadOnlyObjectWrapper<>(ContainerSnapshot.EMPTY);

    public ContainersViewModel(Supplier<Instant> clock) {
        this.clock = clock;
        filter.subscribe(f -> structure.set(structure.get() + 1));
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
