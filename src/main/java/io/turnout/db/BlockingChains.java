package io.turnout.db;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the sessions involved in lock waits into blocked sessions with their chains. Pure.
 * A chain C→B→A (C waits for B, which waits for A) gives C depth 2 and B depth 1, both with root A.
 * Cycles (a deadlock the server has not broken yet) end the walk where it would repeat.
 */
final class BlockingChains {

    private BlockingChains() {
    }

    static List<BlockedSession> of(List<LockSession> involved) {
        Map<Integer, LockSession> byPid = new HashMap<>();
        involved.forEach(s -> byPid.put(s.pid(), s));
        List<BlockedSession> out = new ArrayList<>();
        for (LockSession s : involved) {
            if (!s.blocked()) {
                continue;
            }
            List<LockSession> blockers = s.blockedBy().stream().map(pid -> byPid.getOrDefault(pid, unknown(pid))).toList();
            int[] deepest = walk(s.pid(), byPid, new HashSet<>());
            out.add(new BlockedSession(s, blockers, deepest[0], deepest[1]));
        }
        out.sort((a, b) -> a.depth() != b.depth() ? Integer.compare(a.depth(), b.depth()) : Integer.compare(a.pid(), b.pid()));
        return List.copyOf(out);
    }

    /** {depth, root pid} of the longest chain starting at {@code pid}. */
    private static int[] walk(int pid, Map<Integer, LockSession> byPid, Set<Integer> onPath) {
        LockSession s = byPid.get(pid);
        if (s == null || !s.blocked() || !onPath.add(pid)) {
            return new int[] {0, pid};
        }
        int[] best = null;
        for (int blocker : s.blockedBy()) {
            int[] r = walk(blocker, byPid, onPath);
            if (best == null || r[0] > best[0]) {
                best = r;
            }
        }
        onPath.remove(pid);
        return new int[] {best[0] + 1, best[1]};
    }

    private static LockSession unknown(int pid) {
        return new LockSession(pid, null, null, "not a client backend", null, null, null, List.of());
    }
}
