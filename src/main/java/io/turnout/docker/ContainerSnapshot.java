package io.turnout.docker;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything the live view needs for one host at one instant. {@code seq} increases with every
 * published snapshot; {@code lastEventAt} is the Docker time of the newest event applied, used to
 * resume the event stream with {@code since=} after a reconnect.
 */
public record ContainerSnapshot(long seq, Instant takenAt, Instant lastEventAt, List<ContainerRow> rows) {

    public static final ContainerSnapshot EMPTY = new ContainerSnapshot(0, Instant.EPOCH, Instant.EPOCH, List.of());

    public ContainerSnapshot {
        rows = List.copyOf(rows);
    }

    public Optional<ContainerRow> byId(String id) {
        return rows.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public Map<String, ContainerRow> byIdMap() {
        return rows.stream().collect(Collectors.toMap(ContainerRow::id, Function.identity()));
    }
}
