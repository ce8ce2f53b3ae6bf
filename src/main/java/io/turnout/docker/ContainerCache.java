package io.turnout.docker;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The feed's id→row cache, owned by the feed thread (not thread-safe). Every event bumps the
 * container's generation; an inspect result or a resync value is only applied if no newer event
 * touched that container since the work was started, so slow or out-of-order answers can never
 * resurrect a destroyed container or roll a row back.
 */
final class ContainerCache {

    private static final Comparator<ContainerRow> ORDER = Comparator
            .comparing((ContainerRow r) -> Objects.requireNonNullElse(r.stack(), "\uffff"))
            .thenComparing(ContainerRow::name).thenComparing(ContainerRow::id);

    private final Map<String, ContainerRow> rows = new HashMap<>();
    /** Last generation per id that an event touched, kept for removed ids too until the next resync. */
    private final Map<String, Long> touched = new HashMap<>();
    private long counter;

    /** An event concerns {@code id}: returns the generation an inspect started now must carry. */
    long touch(String id) {
        touched.put(id, ++counter);
        return counter;
    }

    /** Applies an inspect answer ({@code row == null}: the container is gone). True if the cache changed. */
    boolean applyInspect(String id, long generation, ContainerRow row) {
        if (touched.getOrDefault(id, 0L) != generation) {
            return false; // a newer event superseded this answer; its own inspect will follow
        }
        return row == null ? rows.remove(id) != null : !row.equals(rows.put(id, row));
    }

    /** A destroy event: removes at once, and bumps the generation so in-flight answers are dropped. */
    boolean remove(String id) {
        touch(id);
        return rows.remove(id) != null;
    }

    /** Marks the start of a full resync; pass the mark to {@link #applyResync}. */
    long beginResync() {
        return counter;
    }

    /**
     * Replaces the cache with a full listing taken after {@code mark}, except for containers an event
     * touched meanwhile (the event's own inspect is authoritative for those). True if anything changed.
     */
    boolean applyResync(long mark, Map<String, ContainerRow> fresh) {
        boolean changed = false;
        for (Map.Entry<String, ContainerRow> e : fresh.entrySet()) {
            if (touched.getOrDefault(e.getKey(), 0L) <= mark) {
                changed |= !e.getValue().equals(rows.put(e.getKey(), e.getValue()));
            }
        }
        for (Iterator<String> it = rows.keySet().iterator(); it.hasNext(); ) {
            String id = it.next();
            if (!fresh.containsKey(id) && touched.getOrDefault(id, 0L) <= mark) {
                it.remove();
                changed = true;
            }
        }
        touched.values().removeIf(gen -> gen <= mark); // older generations can no longer matter
        return changed;
    }

    ContainerRow get(String id) {
        return rows.get(id);
    }

    int size() {
        return rows.size();
    }

    /** Rows grouped by stack (unstacked last), then by name. */
    List<ContainerRow> sortedRows() {
        return rows.values().stream().sorted(ORDER).toList();
    }
}
