package io.turnout.ui.dashboard;

import io.turnout.timeline.Marker;
import io.turnout.timeline.MarkerKind;
import io.turnout.timeline.SeriesKey;
import io.turnout.timeline.Timeline;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardViewModelTest {

    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final Timeline timeline = new Timeline(clock);
    private final DashboardViewModel vm = new DashboardViewModel(timeline, "shop", ZoneOffset.UTC);

    /** Records one 1 Hz tick of a few feeds' series, then moves the clock on. */
    private void second(double blueRps, double greenRps, double activeConnections) {
        timeline.record(clock.instant(), Map.of(
                SeriesKey.of("traffic", "web.blue.rps"), blueRps,
                SeriesKey.of("traffic", "web.green.rps"), greenRps,
                SeriesKey.of("traffic", "web.green.p99_ms"), 7.0,
                SeriesKey.of("traffic", "web.green.share"), greenRps / Math.max(1, blueRps + greenRps),
                SeriesKey.of("health", "web.green.response_ms"), 3.0,
                SeriesKey.of("health", "web.green.status"), 1.0,
                SeriesKey.of("db", "connections.active"), activeConnections,
                SeriesKey.of("db", "app:shop-web-green"), activeConnections,
                SeriesKey.of("db", "tps"), 120.0,
                SeriesKey.of("cache", "hits"), 1.0));
        clock.advance(Duration.ofSeconds(1));
    }

    @Test
    void tickSortsSeriesIntoChartsOnOneWindow() {
        for (int i = 0; i < 30; i++) {
            second(10, 0, 2);
        }
        vm.tick();
        DashboardModel m = vm.modelProperty().get();
        assertThat(m.charts()).extracting(ChartModel::id).containsExactly(ChartLayout.HEALTH, ChartLayout.TRAFFIC,
                ChartLayout.SHARE, ChartLayout.LATENCY, ChartLayout.DB_CONNECTIONS, ChartLayout.DB_ACTIVITY, "other-cache");
        assertThat(Duration.between(m.from(), m.to())).as("30 s recorded: the narrowest live window")
                .isEqualTo(DashboardViewModel.MIN_LIVE_SPAN);
        ChartModel traffic = m.chart(ChartLayout.TRAFFIC).orElseThrow();
        assertThat(traffic.lines()).extracting(ChartModel.Line::label).containsExactly("web.blue.rps", "web.green.rps");
        assertThat(traffic.lines().get(0).values()).hasSize(30).containsOnly(10.0);
        assertThat(traffic.yMax()).isEqualTo(10.0);
        assertThat(traffic.lines().get(0).color()).isNotEqualTo(traffic.lines().get(1).color());
        ChartModel health = m.chart(ChartLayout.HEALTH).orElseThrow();
        assertThat(health.bands()).extracting(ChartModel.Line::label).containsExactly("web.green.status");
        assertThat(health.lines()).extracting(ChartModel.Line::label).containsExactly("web.green.response_ms");
        assertThat(m.chart(ChartLayout.DB_CONNECTIONS).orElseThrow().lines()).extracting(ChartModel.Line::label)
                .containsExactly("app:shop-web-green", "connections.active");
    }

    @Test
    void pauseFreezesTheWindowWhileTheTimelineKeepsRecording() {
        second(10, 0, 2);
        vm.tick();
        vm.togglePause();
        for (int i = 0; i < 5; i++) {
            second(0, 10, 3);
        }
        vm.tick();
        assertThat(vm.modelProperty().get().chart(ChartLayout.TRAFFIC).orElseThrow().lines().get(1).values()).containsExactly(0.0);
        vm.togglePause();
        assertThat(vm.pausedProperty().get()).isFalse();
        assertThat(vm.modelProperty().get().chart(ChartLayout.TRAFFIC).orElseThrow().lines().get(1).values())
                .containsExactly(0.0, 10.0, 10.0, 10.0, 10.0, 10.0);
    }

    @Test
    void zoomShowsTheRangeAndPausesUntilReset() {
        for (int i = 0; i < 120; i++) {
            second(i, 0, 1);
        }
        vm.tick();
        vm.zoom(T0.plusSeconds(60), T0.plusSeconds(30)); // dragged right to left
        DashboardModel m = vm.modelProperty().get();
        assertThat(m.from()).isEqualTo(T0.plusSeconds(30));
        assertThat(m.to()).isEqualTo(T0.plusSeconds(60));
        assertThat(m.chart(ChartLayout.TRAFFIC).orElseThrow().lines().get(0).values()).hasSize(31).startsWith(30.0).endsWith(60.0);
        assertThat(vm.pausedProperty().get()).isTrue();
        assertThat(vm.zoomedProperty().get()).isTrue();

        vm.zoomAround(T0.plusSeconds(45), 0.1); // narrower than the minimum span
        assertThat(Duration.between(vm.modelProperty().get().from(), vm.modelProperty().get().to())).isEqualTo(DashboardViewModel.MIN_SPAN);

        vm.window(DashboardViewModel.LONG);
        assertThat(vm.zoomedProperty().get()).isFalse();
        assertThat(vm.pausedProperty().get()).isFalse();
        assertThat(vm.modelProperty().get().from()).as("from the first sample (2 s margin)").isEqualTo(T0.minusSeconds(2));
    }

    @Test
    void liveWindowGrowsWithTheRecordingUntilItIsFull() {
        for (int i = 0; i < 20 * 60; i++) {
            second(1, 1, 1);
        }
        vm.tick();
        assertThat(Duration.between(vm.modelProperty().get().from(), vm.modelProperty().get().to())).isEqualTo(DashboardViewModel.SHORT);
        vm.window(DashboardViewModel.LONG);
        assertThat(vm.modelProperty().get().from()).isEqualTo(T0.minusSeconds(2));
        assertThat(vm.modelProperty().get().chart(ChartLayout.TRAFFIC).orElseThrow().lines().getFirst().values()).hasSize(20 * 60);
    }

    @Test
    void zoomingOutStopsAtWhatTheTimelineKeeps() {
        second(1, 0, 1);
        vm.tick();
        vm.zoom(T0.minus(Duration.ofHours(5)), T0.plus(Duration.ofHours(5)));
        assertThat(vm.modelProperty().get().from()).isEqualTo(clock.instant().minus(Timeline.DEFAULT_RETENTION));
        assertThat(vm.modelProperty().get().to()).isEqualTo(clock.instant());
    }

    @Test
    void hoverReadsEverySeriesAndNearbyMarkers() {
        second(10, 0, 2);
        second(4, 6, 3);
        timeline.mark(new Marker(T0.plusSeconds(1), MarkerKind.SWITCH, "shop", "Switch web → green", "0 failed / 120 requests"));
        second(0, 10, 1);
        vm.tick();
        assertThat(vm.hover(T0.plusMillis(1500), Duration.ofSeconds(1))).contains(
                "12:00:01",
                "▍ Switch web → green — 0 failed / 120 requests",
                "Traffic · web.blue.rps = 4 /s",
                "Traffic · web.green.rps = 6 /s",
                "Traffic share per color · web.green.share = 0.60",
                "Health · web.green.status = up",
                "DB connections · app:shop-web-green = 3");
        assertThat(vm.hover(T0.minusSeconds(5), Duration.ofSeconds(1))).contains("Traffic · web.blue.rps = —");
        assertThat(vm.modelProperty().get().markers()).extracting(Marker::kind).containsExactly(MarkerKind.SWITCH);
    }

    @Test
    void watchingADatabaseShowsItMaskedAndABadUrlSaysWhy() {
        java.util.List<String> watched = new java.util.ArrayList<>();
        DashboardViewModel withDb = new DashboardViewModel(timeline, "shop", ZoneOffset.UTC, watched::add);
        withDb.watchDatabase("mysql://db/shop");
        assertThat(withDb.errorProperty().get()).startsWith("Not a PostgreSQL JDBC URL");
        assertThat(watched).isEmpty();
        withDb.watchDatabase(" jdbc:postgresql://127.0.0.1:55432/shop?user=app&password=s3cret ");
        assertThat(watched).containsExactly("jdbc:postgresql://127.0.0.1:55432/shop?user=app&password=s3cret");
        assertThat(withDb.errorProperty().get()).isEmpty();
        assertThat(withDb.databaseProperty().get()).contains("127.0.0.1:55432/shop").doesNotContain("s3cret");
    }

    @Test
    void axisCeilingIsARoundNumber() {
        assertThat(ChartLayout.niceCeiling(0)).isEqualTo(1);
        assertThat(ChartLayout.niceCeiling(7.2)).isEqualTo(10);
        assertThat(ChartLayout.niceCeiling(130)).isEqualTo(200);
        assertThat(ChartLayout.niceCeiling(0.3)).isEqualTo(0.5);
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }
}
