package io.turnout.activity;

import java.time.Instant;
import java.util.List;

/**
 * One operation as the activity drawer and the CLI show it at one instant. Immutable.
 *
 * @param progress   0..1, or negative while the operation cannot say how far it is
 * @param log        the newest lines (bounded by {@link ActivityLog}), oldest first
 * @param finishedAt null while running
 * @param failure    the one-sentence reason when {@link OperationStatus#FAILED}, else null
 */
public record OperationSnapshot(
        long id,
        String title,
        String target,
        OperationStatus status,
        double progress,
        List<String> log,
        Instant startedAt,
        Instant finishedAt,
        String failure) {

    public OperationSnapshot {
        log = List.copyOf(log);
    }

    public boolean running() {
        return status == OperationStatus.RUNNING;
    }
}
