package io.turnout.db;

import java.util.List;

/**
 * One blocked session and whom it waits for.
 *
 * @param blockers    the sessions it waits for directly (pg_blocking_pids), with their queries and states
 * @param depth       1 when a blocker holds the lock itself, 2 when that blocker is blocked in turn, ...
 * @param rootBlocker the session at the end of the longest chain, the one to look at (or terminate); it may
 *                    be a session that is not a client backend (e.g. autovacuum), then only its pid is known
 */
public record BlockedSession(LockSession session, List<LockSession> blockers, int depth, int rootBlocker) {

    public BlockedSession {
        blockers = List.copyOf(blockers);
    }

    public int pid() {
        return session.pid();
    }
}
