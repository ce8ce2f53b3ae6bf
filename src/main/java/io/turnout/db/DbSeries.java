package io.turnout.db;

import io.turnout.timeline.SeriesKey;
import io.turnout.timeline.Timeline;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Writes {@link DbActivity} samples to a {@link Timeline} under feed {@code db}:
 * {@code connections.active|idle|idle_in_transaction|waiting|max}, {@code app:<application_name>}
 * (client sessions per name; a name seen before and now gone is written as 0, so a color that
 * drained shows a line falling to zero rather than stopping), {@code tps.commit}, {@code tps.rollback},
 * {@code blocked}, {@code oldest_txn_s} (0 when no transaction is open) and {@code replication_lag_s}
 * (only while replicas exist, and the lag is known).
 */
final class DbSeries {

    static final String FEED = "db";

    private final Timeline timeline;
    private final Set<String> appsSeen = new HashSet<>();

    DbSeries(Timeline timeline) {
        this.timeline = timeline;
    }

    void append(DbActivity a) {
        Map<SeriesKey, Double> v = new LinkedHashMap<>();
        StateCounts s = a.states();
        put(v, "connections.active", s.active());
        put(v, "connections.idle", s.idle());
        put(v, "connections.idle_in_transaction", s.idleInTransaction());
        put(v, "connections.waiting", s.waiting());
        put(v, "connections.max", a.maxConnections());
        Set<String> now = new HashSet<>();
        a.byApplication().forEach(g -> {
            now.add(g.name());
            put(v, "app:" + g.name(), g.total());
        });
        appsSeen.stream().filter(n -> !now.contains(n)).forEach(n -> put(v, "app:" + n, 0));
        appsSeen.addAll(now);
        if (a.commitsPerSecond() != null) {
            put(v, "tps.commit", a.commitsPerSecond());
            put(v, "tps.rollback", a.rollbacksPerSecond());
        }
        put(v, "blocked", a.blocked().size());
        put(v, "oldest_txn_s", a.oldestTransaction() == null ? 0 : a.oldestTransaction().age().toMillis() / 1000.0);
        if (a.replication().exists() && a.replication().lag() != null) {
            put(v, "replication_lag_s", a.replication().lag().toMillis() / 1000.0);
        }
        timeline.record(a.at(), v);
    }

    private static void put(Map<SeriesKey, Double> v, String name, double value) {
        v.put(SeriesKey.of(FEED, name), value);
    }
}
