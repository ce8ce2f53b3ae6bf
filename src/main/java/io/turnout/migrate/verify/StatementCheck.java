package io.turnout.migrate.verify;

import io.turnout.migrate.LockLevel;
import io.turnout.migrate.Operation;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one statement actually did on the shadow server, next to what the classifier said.
 *
 * @param observedLocks strongest relation lock per pre-existing table (tables the statement creates are left out: nobody else can wait on them)
 * @param rewrittenTables tables whose relfilenode changed
 * @param outsideTransaction run in autocommit (CONCURRENTLY, VACUUM...), locks sampled from a second session
 * @param lockCaptured false when a statement run outside a transaction finished before any lock could be seen
 * @param error the server's message when the statement failed; null when it ran
 * @param sqlState the SQLSTATE of that failure, e.g. {@code 55P03} for a lock timeout
 * @param expected the static verdict; null when the classifier had none for it
 * @param disagreements one sentence per difference between {@code expected} and the observation
 */
public record StatementCheck(int index, int line, String statement, Map<String, LockLevel> observedLocks,
                             List<String> rewrittenTables, Duration duration, boolean outsideTransaction,
                             boolean lockCaptured, String error, String sqlState, Operation expected, List<String> disagreements,
                             List<String> notes) {

    public StatementCheck {
        observedLocks = Map.copyOf(observedLocks);
        rewrittenTables = List.copyOf(rewrittenTables);
        disagreements = List.copyOf(disagreements);
        notes = List.copyOf(notes);
    }

    public LockLevel observedLock() {
        return CatalogProbe.strongest(observedLocks.values());
    }

    public boolean rewriteObserved() {
        return !rewrittenTables.isEmpty();
    }

    public boolean failed() {
        return error != null;
    }
}
