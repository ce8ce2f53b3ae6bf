package io.turnout.migrate.verify;

import io.turnout.migrate.LockLevel;
import io.turnout.migrate.Operation;
import io.turnout.migrate.SqlStatement;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The raw facts about one execution, before they are compared with the static verdict.
 *
 * @param heldBefore locks the transaction already held before the statement (in-place only): a
 *                   statement asking again for a mode already held leaves no trace in pg_locks
 */
record Observation(Map<String, LockLevel> locks, List<String> rewritten, Duration took, String sqlState, String error,
                   Map<String, LockLevel> heldBefore) {

    static Observation failed(SQLException e, Duration took) {
        String state = e.getSQLState();
        String message = "55P03".equals(state) ? "lock_timeout: another session holds a conflicting lock (" + e.getMessage() + ")" : e.getMessage();
        return new Observation(Map.of(), List.of(), took, state, message, Map.of());
    }

    /** Tables present before whose relfilenode changed (new tables and dropped tables are not rewrites). */
    static List<String> rewritten(Map<Long, CatalogProbe.Table> before, Map<Long, CatalogProbe.Table> after) {
        List<String> out = new ArrayList<>();
        before.forEach((oid, table) -> {
            CatalogProbe.Table now = after.get(oid);
            if (now != null && table.relfilenode() != 0 && now.relfilenode() != table.relfilenode()) {
                out.add(table.name());
            }
        });
        return out;
    }

    StatementCheck toCheck(SqlStatement s, Operation expected, boolean outside, List<String> notes) {
        if (error != null) {
            return new StatementCheck(s.index(), s.line(), s.text(), Map.of(), List.of(), took, outside, false,
                    error, sqlState, expected, List.of(), notes);
        }
        List<String> n = new ArrayList<>(notes);
        boolean captured = true;
        if (expected != null && CatalogProbe.strongest(locks.values()).compareTo(expected.lockLevel()) < 0) {
            List<String> masking = heldBefore.entrySet().stream()
                    .filter(e -> e.getValue().compareTo(expected.lockLevel()) >= 0).map(Map.Entry::getKey).sorted().toList();
            if (!masking.isEmpty()) {
                captured = false;
                n.add("An earlier statement of this transaction already holds a lock as strong on " + String.join(", ", masking)
                        + ", so this statement's own request cannot be seen in-place; its lock level is not compared.");
            }
        }
        return new StatementCheck(s.index(), s.line(), s.text(), locks, rewritten, took, outside, captured, null, null, expected,
                Disagreements.between(expected, locks, rewritten, captured), n);
    }
}
