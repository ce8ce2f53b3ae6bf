package io.turnout.migrate.verify;

import io.turnout.migrate.LockLevel;
import io.turnout.migrate.Operation;
import io.turnout.migrate.SqlStatement;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The raw facts about one execution, before they are compared with the static verdict. */
record Observation(Map<String, LockLevel> locks, List<String> rewritten, Duration took, String sqlState, String error) {

    static Observation failed(SQLException e, Duration took) {
        String state = e.getSQLState();
        String message = "55P03".equals(state) ? "lock_timeout: another session holds a conflicting lock (" + e.getMessage() + ")" : e.getMessage();
        return new Observation(Map.of(), List.of(), took, state, message);
    }

    /** Tables present before whose relfilenode changed (new tables and dropped tables are not rewrites). */
    static List<String> rewritten(Map<String, Long> before, Map<String, Long> after) {
        List<String> out = new ArrayList<>();
        before.forEach((table, node) -> {
            Long now = after.get(table);
            if (now != null && node != 0 && !now.equals(node)) {
                out.add(table);
            }
        });
        return out;
    }

    StatementCheck toCheck(SqlStatement s, Operation expected, boolean outside, List<String> notes) {
        if (error != null) {
            return new StatementCheck(s.index(), s.line(), s.text(), Map.of(), List.of(), took, outside, false,
                    error, sqlState, expected, List.of(), notes);
        }
        return new StatementCheck(s.index(), s.line(), s.text(), locks, rewritten, took, outside, true, null, null, expected,
                Disagreements.between(expected, locks, rewritten, true), notes);
    }
}
