package io.turnout.cli;

import io.turnout.db.BlockedSession;
import io.turnout.db.DbActivity;
import io.turnout.db.LockSession;
import io.turnout.db.SessionGroup;
import io.turnout.db.StateCounts;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The text form of one {@code turnout db activity} sample: tables, then blocking chains as an indented tree. */
final class DbActivityText {

    private static final int QUERY_WIDTH = 80;

    private DbActivityText() {
    }

    static void print(PrintWriter out, String maskedUrl, DbActivity a) {
        StateCounts s = a.states();
        out.printf(Locale.ROOT, "%s at %s (sample %.1f ms)%n%n", maskedUrl, a.at(), a.roundTrip().toNanos() / 1e6);
        out.printf(Locale.ROOT, "CONNECTIONS %d of max %d (%d %%), client sessions only%n", s.total(), a.maxConnections(),
                a.maxConnections() == 0 ? 0 : Math.round(100.0 * s.total() / a.maxConnections()));
        TextTable states = new TextTable("STATE", "SESSIONS");
        states.add("active", s.active());
        states.add("idle", s.idle());
        states.add("idle in transaction", s.idleInTransaction());
        states.add("idle in transaction (aborted)", s.idleInTransactionAborted());
        states.add("waiting for a lock", s.waiting());
        if (s.other() > 0) {
            states.add("other", s.other());
        }
        states.print(out);
        out.println();
        groups(out, "APPLICATION", a.byApplication(), false);
        out.println();
        groups(out, "USER", a.byClient(), true);
        out.println();
        out.printf(Locale.ROOT, "TPS %s commits/s, %s rollbacks/s (database %s)%n", rate(a.commitsPerSecond()),
                rate(a.rollbacksPerSecond()), maskedUrl.replaceAll(".*/([^/?]+).*", "$1"));
        out.println();
        chains(out, a.blocked());
        out.println();
        DbActivity.OldestTransaction o = a.oldestTransaction();
        out.println("OLDEST TRANSACTION " + (o == null ? "none open"
                : seconds(o.age()) + ", pid " + o.pid() + " (" + name(o.application()) + ", " + o.state() + ")"));
        DbActivity.Replication r = a.replication();
        out.println("REPLICATION " + (!r.exists() ? "none"
                : r.role().equals("replica") ? "this server is a replica, replay lag " + (r.lag() == null ? "unknown" : seconds(r.lag()))
                : r.replicas() + " replica(s), largest replay lag " + (r.lag() == null ? "unknown" : seconds(r.lag()))));
        out.flush();
    }

    private static void groups(PrintWriter out, String title, List<SessionGroup> groups, boolean byClient) {
        TextTable t = byClient
                ? new TextTable(title, "CLIENT", "TOTAL", "ACTIVE", "IDLE", "IDLE IN TXN", "WAITING")
                : new TextTable(title, "TOTAL", "ACTIVE", "IDLE", "IDLE IN TXN", "WAITING");
        for (SessionGroup g : groups) {
            StateCounts c = g.states();
            int inTxn = c.idleInTransaction() + c.idleInTransactionAborted();
            if (byClient) {
                t.add(g.name(), g.client(), g.total(), c.active(), c.idle(), inTxn, c.waiting());
            } else {
                t.add(name(g.name()), g.total(), c.active(), c.idle(), inTxn, c.waiting());
            }
        }
        t.print(out);
    }

    /** Blocked sessions as trees under their root blockers: who blocks whom, with queries and wait times. */
    private static void chains(PrintWriter out, List<BlockedSession> blocked) {
        if (blocked.isEmpty()) {
            out.println("BLOCKED SESSIONS none");
            return;
        }
        out.println("BLOCKED SESSIONS " + blocked.size());
        Map<Integer, LockSession> byPid = new LinkedHashMap<>();
        Map<Integer, List<LockSession>> waiters = new LinkedHashMap<>();
        for (BlockedSession b : blocked) {
            byPid.put(b.pid(), b.session());
            b.blockers().forEach(x -> byPid.putIfAbsent(x.pid(), x));
            b.blockers().forEach(x -> waiters.computeIfAbsent(x.pid(), k -> new ArrayList<>()).add(b.session()));
        }
        Set<Integer> printedRoots = new HashSet<>();
        for (BlockedSession b : blocked) {
            if (printedRoots.add(b.rootBlocker())) {
                tree(out, byPid.getOrDefault(b.rootBlocker(), b.session()), waiters, "", new HashSet<>());
            }
        }
    }

    private static void tree(PrintWriter out, LockSession s, Map<Integer, List<LockSession>> waiters, String indent, Set<Integer> path) {
        String role = s.blocked() ? "waiting " + seconds(s.waited()) : s.state()
                + (s.transactionAge() == null ? "" : ", transaction open " + seconds(s.transactionAge()));
        out.println(indent + (indent.isEmpty() ? "" : "└─ ") + "pid " + s.pid() + " " + name(s.application())
                + (s.user() == null ? "" : " " + s.user()) + " — " + role + ": " + query(s.query()));
        if (!path.add(s.pid())) {
            return;
        }
        for (LockSession w : waiters.getOrDefault(s.pid(), List.of())) {
            tree(out, w, waiters, indent.isEmpty() ? "  " : indent + "   ", path);
        }
        path.remove(s.pid());
    }

    private static String name(String app) {
        return app == null || app.isEmpty() ? "(no application_name)" : app;
    }

    private static String query(String q) {
        if (q == null) {
            return "-";
        }
        String one = q.replaceAll("\\s+", " ").strip();
        return one.length() <= QUERY_WIDTH ? one : one.substring(0, QUERY_WIDTH - 1) + "…";
    }

    private static String rate(Double r) {
        return r == null ? "-" : String.format(Locale.ROOT, "%.1f", r);
    }

    static String seconds(Duration d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
