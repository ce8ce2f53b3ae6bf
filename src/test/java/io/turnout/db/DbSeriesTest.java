package io.turnout.db;

import io.turnout.timeline.SeriesKey;
import io.turnout.timeline.Timeline;
import io.turnout.timeline.TimelineSlice;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DbSeriesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final Timeline timeline = new Timeline(Clock.fixed(T0.plusSeconds(10), ZoneOffset.UTC));

    private static DbActivity sample(Instant at, List<SessionGroup> apps, DbActivity.Replication replication) {
        StateCounts all = apps.stream().map(SessionGroup::states).reduce(StateCounts.NONE, StateCounts::plus);
        return new DbActivity(at, null, 0, 42, 100, all, apps, List.of(), 12.5, 0.5, List.of(),
                new DbActivity.OldestTransaction(7, "blue", "idle in transaction", Duration.ofMillis(3500)),
                replication, Duration.ofMillis(2));
    }

    private double last(String name) {
        TimelineSlice s = timeline.slice(T0, T0.plusSeconds(10));
        var data = s.series().get(SeriesKey.of("db", name));
        assertThat(data).as("series db/%s in %s", name, s.series().keySet()).isNotNull();
        return data.values()[data.size() - 1];
    }

    @Test
    void writesConnectionsPerStateAndApplicationAndTps() {
        new DbSeries(timeline).append(sample(T0, List.of(
                new SessionGroup("shop-blue", null, new StateCounts(1, 3, 1, 0, 0, 0)),
                new SessionGroup("shop-green", null, new StateCounts(2, 0, 0, 0, 1, 0))), DbActivity.Replication.NONE));
        assertThat(last("connections.active")).isEqualTo(3);
        assertThat(last("connections.idle")).isEqualTo(3);
        assertThat(last("connections.idle_in_transaction")).isEqualTo(1);
        assertThat(last("connections.waiting")).isEqualTo(1);
        assertThat(last("connections.max")).isEqualTo(100);
        assertThat(last("app:shop-blue")).isEqualTo(5);
        assertThat(last("app:shop-green")).isEqualTo(3);
        assertThat(last("tps.commit")).isEqualTo(12.5);
        assertThat(last("oldest_txn_s")).isEqualTo(3.5);
        assertThat(timeline.slice(T0, T0.plusSeconds(10)).series()).doesNotContainKey(SeriesKey.of("db", "replication_lag_s"));
    }

    @Test
    void drainedApplicationFallsToZeroAndReplicationLagAppearsWithReplicas() {
        DbSeries series = new DbSeries(timeline);
        series.append(sample(T0, List.of(new SessionGroup("shop-blue", null, new StateCounts(0, 4, 0, 0, 0, 0))),
                DbActivity.Replication.NONE));
        series.append(sample(T0.plusSeconds(1), List.of(new SessionGroup("shop-green", null, new StateCounts(0, 4, 0, 0, 0, 0))),
                new DbActivity.Replication("primary", 1, Duration.ofMillis(250))));
        assertThat(last("app:shop-blue")).isZero();
        assertThat(last("app:shop-green")).isEqualTo(4);
        assertThat(last("replication_lag_s")).isEqualTo(0.25);
    }
}
