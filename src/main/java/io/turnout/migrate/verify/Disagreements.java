package io.turnout.migrate.verify;

import io.turnout.migrate.LockLevel;
import io.turnout.migrate.Operation;
import io.turnout.migrate.Rewrite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compares a static verdict with an observation; one sentence per difference. */
final class Disagreements {

    private Disagreements() {
    }

    /**
     * @param lockCaptured false when nothing could be observed (a fast statement outside a
     *                     transaction); the lock is then not compared rather than called NONE
     */
    static List<String> between(Operation expected, Map<String, LockLevel> observedLocks, List<String> rewritten,
                                boolean lockCaptured) {
        List<String> out = new ArrayList<>();
        if (expected == null) {
            return out;
        }
        LockLevel observed = CatalogProbe.strongest(observedLocks.values());
        if (lockCaptured && observed != expected.lockLevel()) {
            out.add("lock: classified " + expected.lockLevel().sqlName() + ", observed " + observed.sqlName()
                    + where(observedLocks, observed) + ".");
        }
        boolean rewrote = !rewritten.isEmpty();
        if (expected.rewrites() == Rewrite.YES && !rewrote) {
            out.add("rewrite: classified as rewriting the table, but no relfilenode changed.");
        } else if (expected.rewrites() == Rewrite.NO && rewrote) {
            out.add("rewrite: classified as no rewrite, but " + String.join(", ", rewritten) + " got a new relfilenode.");
        }
        return out;
    }

    private static String where(Map<String, LockLevel> locks, LockLevel level) {
        if (level == LockLevel.NONE) {
            return "";
        }
        List<String> tables = locks.entrySet().stream().filter(e -> e.getValue() == level).map(Map.Entry::getKey).sorted().toList();
        return " on " + String.join(", ", tables);
    }
}
