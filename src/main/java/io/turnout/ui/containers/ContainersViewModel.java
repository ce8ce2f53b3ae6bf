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
import io.turnout.ui.containers.ContainersNode.Group;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
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

    private static final String STACK = "stack:";
    private static final String SERVICE = "service:";

    private final Supplier<Instant> clock;
    private final String hostLabel;
    private final ObjectProperty<ConnectionState> connection = new SimpleObjectProperty<>(new ConnectionState.Connected(java.time.Duration.ZERO));
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper();
    private final Map<String, ContainerItem> items = new LinkedHashMap<>();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<ContainerItem> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper structure = new ReadOnlyLongWrapper();
    private final ReadOnlyObjectWrapper<Instant> now;
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper("0 containers");
    private final Map<String, Group> groupNodes = new HashMap<>();
    private final Map<String, List<ContainerItem>> members = new HashMap<>();
    private List<ContainerGroups.Stack<ContainerItem>> grouped = List.of();
    private final ReadOnlyObjectWrapper<ContainerSnapshot> snapshot = new ReadOnlyObjectWrapper<>(ContainerSnapshot.EMPTY);

    public ContainersViewModel(Supplier<Instant> clock) {
        this(clock, "the host");
    }

    /** {@code hostLabel} names the host in the empty-state text ("Connecting to prod-1…"). */
    public ContainersViewModel(Supplier<Instant> clock, String hostLabel) {
        this.clock = clock;
        this.hostLabel = hostLabel;
        this.now = new ReadOnlyObjectWrapper<>(clock.get());
        filter.subscribe(f -> regroup());
        structure.subscribe(this::updatePlaceholder);
        connection.subscribe(this::updatePlaceholder);
        snapshot.subscribe(this::updatePlaceholder);
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

    /**
     * Keyed diff, O(changed rows) on the FX side: rows equal to the previous snapshot's are skipped,
     * changed ones are updated in place and only their groups' summaries recomputed. Only a
     * container added, removed, moved to another group/position or in/out of the filter regroups
     * and ticks {@link #structureProperty()}.
     */
    public void apply(ContainerSnapshot next) {
        boolean structural = false;
        Set<String> seen = HashSet.newHashSet(next.rows().size());
        List<ContainerItem> changed = new ArrayList<>();
        for (ContainerRow row : next.rows()) {
            seen.add(row.id());
            ContainerItem item = items.get(row.id());
            if (item == null) {
                items.put(row.id(), new ContainerItem(row, now));
                structural = true;
            } else if (!item.row().equals(row)) {
                structural |= movesInTree(item.row(), row);
                item.update(row);
                changed.add(item);
            }
        }
        if (items.size() != seen.size()) {
            items.keySet().retainAll(seen);
            structural = true;
        }
        if (selected.get() != null && !items.containsKey(selected.get().id())) {
            selected.set(null);
        }
        snapshot.set(next);
        now.set(clock.get());
        if (structural) {
            regroup();
        } else if (!changed.isEmpty()) {
            Set<Group> touched = new HashSet<>();
            for (ContainerItem item : changed) {
                touched.add(groupNodes.get(stackKey(item.row())));
                touched.add(groupNodes.get(serviceKey(item.row())));
            }
            touched.remove(null);
            touched.forEach(g -> g.summary(summary(members.get(g.key()))));
            updateCount();
        }
    }

    /** Whether {@code next} sits elsewhere in the tree than {@code before}: other group, sort position or filter match. */
    private boolean movesInTree(ContainerRow before, ContainerRow next) {
        return !Objects.equals(before.stack(), next.stack()) || !Objects.equals(before.service(), next.service())
                || !Objects.equals(before.color(), next.color()) || !before.name().equals(next.name())
                || ContainerItem.matches(before, filter.get()) != ContainerItem.matches(next, filter.get());
    }

    /** Regroups the visible items, keeps one heading node per stack/service and ticks {@link #structureProperty()}. */
    private void regroup() {
        grouped = ContainerGroups.group(visibleItems(), ContainerItem::row);
        Map<String, Group> nodes = new HashMap<>();
        members.clear();
        for (var stack : grouped) {
            String stackKey = STACK + stack.name();
            members.put(stackKey, stack.all());
            nodes.put(stackKey, headingNode(stackKey, stack.name()));
            for (var service : stack.services()) {
                String serviceKey = SERVICE + stack.name() + "/" + service.name();
                members.put(serviceKey, service.members());
                nodes.put(serviceKey, headingNode(serviceKey, service.name()));
            }
        }
        groupNodes.keySet().retainAll(nodes.keySet());
        nodes.forEach((key, g) -> g.summary(summary(members.get(key))));
        updateCount();
        structure.set(structure.get() + 1);
    }

    private Group headingNode(String key, String title) {
        return groupNodes.computeIfAbsent(key, k -> new Group(k, title, ""));
    }

    private void updateCount() {
        int all = items.size();
        int shown = 0;
        for (var stack : grouped) {
            shown += members.get(STACK + stack.name()).size();
        }
        long unhealthy = items.values().stream().filter(i -> i.row().health() == Health.UNHEALTHY).count();
        count.set((shown == all ? all + " containers" : shown + " of " + all + " containers")
                + (unhealthy > 0 ? " · " + unhealthy + " unhealthy" : ""));
    }

    private static String stackKey(ContainerRow row) {
        return STACK + (row.stack() == null ? ContainerGroups.NO_STACK : row.stack());
    }

    private static String serviceKey(ContainerRow row) {
        return SERVICE + (row.stack() == null ? ContainerGroups.NO_STACK : row.stack()) + "/" + row.service();
    }

    /** The heading node of a stack ({@code service} null) or service in the current grouping. */
    public Group groupNode(String stack, String service) {
        return groupNodes.get(service == null ? STACK + stack : SERVICE + stack + "/" + service);
    }

    /** "12 containers · 1 unhealthy", or "3 of 12 containers" while filtered. */
    public ReadOnlyStringProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** Moves the uptime clock on; called once per second while the view is showing. Only shown cells recompute. */
    public void tick() {
        now.set(clock.get());
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

    /** Stacks → services → visible containers, as of the last structural change. */
    public List<ContainerGroups.Stack<ContainerItem>> groups() {
        return grouped;
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
