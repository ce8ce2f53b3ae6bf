package io.turnout.ui.containers;

import io.turnout.docker.ContainerRow;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;

import java.time.Instant;
import java.util.Locale;

/**
 * One container in the live view. The object lives as long as the container does (keyed by id);
 * each snapshot replaces its {@link #rowProperty() row} in place, so cells and selection stay.
 */
public final class ContainerItem implements ContainersNode {

    private final String id;
    private final ReadOnlyObjectWrapper<ContainerRow> row;
    private final ObservableValue<String> uptime;

    /** {@code now} is the view's one clock tick; the uptime follows it only while something observes it. */
    ContainerItem(ContainerRow row, ObservableValue<Instant> now) {
        this.id = row.id();
        this.row = new ReadOnlyObjectWrapper<>(row);
        this.uptime = this.row.flatMap(r -> now.map(n -> Uptime.of(r, n)));
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

    /**
     * "2h 05m": lazy, so the once-a-second tick costs nothing for the rows no cell shows (a fluent
     * binding listens to its sources only while it is observed itself).
     */
    public ObservableValue<String> uptimeProperty() {
        return uptime;
    }

    void update(ContainerRow next) {
        row.set(next);
    }

    /** Every word of {@code query} occurs in name, image, stack, service or state (case-insensitive). */
    boolean matches(String query) {
        return matches(row.get(), query);
    }

    static boolean matches(ContainerRow r, String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
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
