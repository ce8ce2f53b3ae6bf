package io.turnout.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The monitor's one sampling statement and its result. One statement, so every figure comes from
 * the same pg_stat_activity snapshot and costs one round trip; grouping happens on the server so
 * a hundred idle sessions travel as a few rows of counts. pg_blocking_pids and pg_locks are only
 * consulted for sessions that wait on a lock (they take the lock manager's partition locks).
 * See ADR 0017 for what is excluded and why.
 */
final class ActivityQuery {

    static final String SQL = """
            WITH a AS MATERIALIZED (
                SELECT pid, application_name AS app, coalesce(host(client_addr), 'local') AS client, usename AS usr,
                       CASE WHEN wait_event_type = 'Lock' THEN 'waiting' ELSE coalesce(state, 'unknown') END AS st,
                       xact_start, query_start, query,
                       CASE WHEN wait_event_type = 'Lock' THEN pg_blocking_pids(pid) END AS blockers
                FROM pg_stat_activity
                WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
            ), blocked AS MATERIALIZED (
                SELECT pid, blockers FROM a WHERE cardinality(blockers) > 0
            )
            SELECT pg_backend_pid() AS monitor_pid,
                   current_setting('max_connections')::int AS max_connections,
                   (SELECT json_agg(json_build_array(app, client, usr, st, n))
                      FROM (SELECT app, client, usr, st, count(*) AS n FROM a GROUP BY 1, 2, 3, 4) g) AS groups,
                   (SELECT json_agg(json_build_array(pid, app, usr, st, query,
                           extract(epoch FROM clock_timestamp() - xact_start),
                           CASE WHEN blockers IS NOT NULL THEN extract(epoch FROM clock_timestamp() - coalesce(
                               (SELECT min(l.waitstart) FROM pg_locks l WHERE l.pid = i.pid AND NOT l.granted), query_start)) END,
                           coalesce(blockers, '{}')))
                      FROM a i WHERE i.pid IN (SELECT pid FROM blocked UNION SELECT unnest(blockers) FROM blocked)) AS lock_sessions,
                   (SELECT json_build_array(pid, app, st, extract(epoch FROM clock_timestamp() - xact_start))
                      FROM a WHERE xact_start IS NOT NULL ORDER BY xact_start LIMIT 1) AS oldest_xact,
                   d.xact_commit, d.xact_rollback,
                   pg_is_in_recovery() AS in_recovery,
                   CASE WHEN pg_is_in_recovery()
                        THEN extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) END AS replay_delay,
                   (SELECT count(*) FROM pg_stat_replication) AS replicas,
                   (SELECT max(extract(epoch FROM replay_lag)) FROM pg_stat_replication) AS replica_lag
            FROM pg_stat_database d WHERE d.datname = current_database()
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One row of {@link #SQL}, decoded. */
    record Row(int monitorPid, int maxConnections, StateCounts states, List<SessionGroup> byApplication,
               List<SessionGroup> byClient, List<LockSession> lockSessions, DbActivity.OldestTransaction oldest,
               long xactCommit, long xactRollback, DbActivity.Replication replication) {
    }

    private ActivityQuery() {
    }

    static Row read(ResultSet rs) throws SQLException {
        if (!rs.next()) {
            throw new SQLException("pg_stat_database has no row for the current database");
        }
        List<JsonNode> groups = array(rs.getString("groups"));
        List<LockSession> locks = new ArrayList<>();
        for (JsonNode n : array(rs.getString("lock_sessions"))) {
            List<Integer> by = new ArrayList<>();
            n.get(7).forEach(p -> by.add(p.asInt()));
            locks.add(new LockSession(n.get(0).asInt(), text(n.get(1)), text(n.get(2)), text(n.get(3)), text(n.get(4)),
                    seconds(n.get(5)), seconds(n.get(6)), by));
        }
        String oldestJson = rs.getString("oldest_xact");
        DbActivity.OldestTransaction oldest = null;
        if (oldestJson != null) {
            JsonNode o = parse(oldestJson);
            oldest = new DbActivity.OldestTransaction(o.get(0).asInt(), text(o.get(1)), text(o.get(2)), seconds(o.get(3)));
        }
        boolean replica = rs.getBoolean("in_recovery");
        double replayDelay = rs.getDouble("replay_delay");
        boolean replayKnown = !rs.wasNull();
        int replicas = rs.getInt("replicas");
        double replicaLag = rs.getDouble("replica_lag");
        boolean lagKnown = !rs.wasNull();
        DbActivity.Replication replication = replica
                ? new DbActivity.Replication("replica", 0, replayKnown ? seconds(replayDelay) : null)
                : replicas == 0 ? DbActivity.Replication.NONE
                : new DbActivity.Replication("primary", replicas, lagKnown ? seconds(replicaLag) : Duration.ZERO);
        return new Row(rs.getInt("monitor_pid"), rs.getInt("max_connections"), states(groups), grouped(groups, true),
                grouped(groups, false), List.copyOf(locks), oldest, rs.getLong("xact_commit"), rs.getLong("xact_rollback"),
                replication);
    }

    private static StateCounts states(List<JsonNode> groups) {
        StateCounts all = StateCounts.NONE;
        for (JsonNode g : groups) {
            all = all.plus(g.get(3).asText(), g.get(4).asInt());
        }
        return all;
    }

    /** Folds the (app, client, user, state) rows into per-application or per-client groups, largest first. */
    private static List<SessionGroup> grouped(List<JsonNode> groups, boolean byApplication) {
        java.util.Map<List<String>, StateCounts> acc = new java.util.LinkedHashMap<>();
        for (JsonNode g : groups) {
            List<String> key = byApplication ? List.of(g.get(0).asText("")) : List.of(g.get(2).asText(""), g.get(1).asText(""));
            acc.merge(key, StateCounts.NONE.plus(g.get(3).asText(), g.get(4).asInt()), StateCounts::plus);
        }
        List<SessionGroup> out = new ArrayList<>();
        acc.forEach((k, v) -> out.add(new SessionGroup(k.get(0), byApplication ? null : k.get(1), v)));
        out.sort((x, y) -> x.total() != y.total() ? Integer.compare(y.total(), x.total()) : x.name().compareTo(y.name()));
        return List.copyOf(out);
    }

    private static List<JsonNode> array(String json) {
        List<JsonNode> out = new ArrayList<>();
        if (json != null) {
            parse(json).forEach(out::add);
        }
        return out;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable sample from the server: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static Duration seconds(JsonNode n) {
        return n == null || n.isNull() ? null : seconds(n.asDouble());
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos(Math.round(Math.max(0, s) * 1e9));
    }
}
