package io.turnout.cli;

import io.turnout.db.BlockedSession;
import io.turnout.db.DbActivity;
import io.turnout.db.LockSession;
import io.turnout.db.SessionGroup;
import io.turnout.db.StateCounts;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shape of {@code turnout db activity --json}; field names are part of the CLI contract. Durations in seconds. */
record DbActivityJson(Instant at, String database, int monitorPid, int maxConnections, Map<String, Integer> states,
                      List<Group> applications, List<Group> clients, Double commitsPerSecond, Double rollbacksPerSecond,
                      List<Blocked> blocked, Oldest oldestTransaction, Replication replication, int reconnects,
                      double roundTripMs) {

    static DbActivityJson of(String maskedUrl, DbActivity a) {
        return new DbActivityJson(a.at(), maskedUrl, a.monitorPid(), a.maxConnections(), states(a.states()),
                a.byApplication().stream().map(Group::of).toList(), a.byClient().stream().map(Group::of).toList(),
                a.commitsPerSecond(), a.rollbacksPerSecond(), a.blocked().stream().map(Blocked::of).toList(),
                a.oldestTransaction() == null ? null : new Oldest(a.oldestTransaction().pid(),
                        a.oldestTransaction().application(), a.oldestTransaction().state(), s(a.oldestTransaction().age())),
                new Replication(a.replication().role(), a.replication().replicas(), s(a.replication().lag())),
                a.reconnects(), a.roundTrip().toNanos() / 1e6);
    }

    static Map<String, Integer> states(StateCounts c) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("active", c.active());
        m.put("idle", c.idle());
        m.put("idle_in_transaction", c.idleInTransaction());
        m.put("idle_in_transaction_aborted", c.idleInTransactionAborted());
        m.put("waiting", c.waiting());
        m.put("other", c.other());
        m.put("total", c.total());
        return m;
    }

    private static Double s(Duration d) {
        return d == null ? null : d.toNanos() / 1e9;
    }

    /** @param client the address ({@code local} for a Unix socket) in {@code clients}; absent in {@code applications} */
    record Group(String name, String client, int total, Map<String, Integer> states) {
        static Group of(SessionGroup g) {
            return new Group(g.name(), g.client(), g.total(), DbActivityJson.states(g.states()));
        }
    }

    record Session(int pid, String application, String user, String state, String query, Double transactionSeconds,
                   Double waitSeconds, List<Integer> blockedBy) {
        static Session of(LockSession s) {
            return new Session(s.pid(), s.application(), s.user(), s.state(), s.query(), s(s.transactionAge()),
                    s(s.waited()), s.blockedBy());
        }
    }

    record Blocked(int pid, String application, String user, String query, Double waitSeconds, int depth, int rootBlocker,
                   List<Session> blockers) {
        static Blocked of(BlockedSession b) {
            LockSession s = b.session();
            return new Blocked(s.pid(), s.application(), s.user(), s.query(), s(s.waited()), b.depth(), b.rootBlocker(),
                    b.blockers().stream().map(Session::of).toList());
        }
    }

    record Oldest(int pid, String application, String state, double ageSeconds) {
    }

    /** @param lagSeconds null when there are no replicas or the lag is unknown */
    record Replication(String role, int replicas, Double lagSeconds) {
    }
}
