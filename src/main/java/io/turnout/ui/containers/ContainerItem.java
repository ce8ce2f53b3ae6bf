package io.turnout.ui.containers;

import io.turnout.docker.ContainerRow;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Instant;
import java.util.Locale;

/**
 * One container in the live view. The object lives as long as the container does (keyed by id);
 * each snapshot replaces its {@link #rowProperty() row} in place, so cells and selection stay.
 */
public final class ContainerItem implements ContainersNode {

    private final String id;
    private final ReadOnlyObjectWrapper<ContainerRow> row;
    private final ReadOnlyStringWrapper uptime = new ReadOnlyStringWrapper();

    ContainerItem(ContainerRow row, Instant now) {
        this.id = row.id();
        this.row = new ReadOnlyObjectWrapper<>(row);
        tick(now);
    }

    @Override
    public String key() {
        return id;
    }

    public String id() {
        return id;
    }

    public ContainerRow row() {
        return row.get();
    }

    public ReadOnlyObjectProperty<ContainerRow> rowProperty() {
        return row.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty uptimeProperty() {
        return uptime.getReadOnlyProperty();
    }

    void update(ContainerRow next, Instant now) {
        if (!next.equals(row.get())) {
            row.set(next);
        }
        tick(now);
    }

    void tick(Instant now) {
        uptime.set(Uptime.of(row.get(), now));
    }

    /** Every word of {@code query} occurs in name, image, stack, service or state (case-insensitive). */
    boolean matches(String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        ContainerRow r = row.get();
        String haystack = String.join(" ", r.name(), r.image(), String.valueOf(r.stack()),
                String.valueOf(r.service()), r.state(), r.health().name()).toLowerCase(Locale.ROOT);
        for (String word : query.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "ContainerItem[" + row.get().name() + "]";
    }
}
