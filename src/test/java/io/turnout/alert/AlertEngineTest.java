package io.turnout.alert;

import io.turnout.timeline.Marker;
import io.turnout.timeline.MarkerKind;
import io.turnout.timeline.SeriesKey;
import io.turnout.timeline.Timeline;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class AlertEngineTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T15:00:00Z"));
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now.get(); }
    };
    private final Timeline timeline = new Timeline(clock);
    private final List<Alert> notified = new ArrayList<>();
    private final AlertEngine engine = new AlertEngine("shop", timeline, AlertRules.defaults(), List.of(notified::add));

    private void second(Map<String, Double> values) {
        now.set(now.get().plusSeconds(1));
        Map<SeriesKey, Double> m = new java.util.HashMap<>();
        values.forEach((k, v) -> {
            String[] p = k.split("/", 2);
            m.put(SeriesKey.of(p[0], p[1]), v);
        });
        timeline.record(now.get(), m);
    }

    @Test
    void errorRateAlertsOncePerEpisodeAndResolves() {
        second(Map.of("traffic/web.green.rps", 100.0, "traffic/web.green.5xx", 2.0, "traffic/web.blue.rps", 100.0,
                "traffic/web.blue.5xx", 0.5));
        assertThat(engine.evaluate()).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo("5xx-rate");
            assertThat(a.subject()).isEqualTo("web.green");
            assertThat(a.message()).contains("2.0 %");
            assertThat(a.resolved()).isFalse();
        });
        second(Map.of("traffic/web.green.rps", 100.0, "traffic/web.green.5xx", 3.0));
        assertThat(engine.evaluate()).as("still the same episode").isEmpty();
        assertThat(engine.active()).hasSize(1);

        now.set(now.get().plusSeconds(11));
        second(Map.of("traffic/web.green.rps", 100.0, "traffic/web.green.5xx", 0.0));
        assertThat(engine.evaluate()).singleElement().satisfies(a -> assertThat(a.resolved()).isTrue());

        assertThat(notified).hasSize(2);
        assertThat(timeline.last(Duration.ofMinutes(1)).markers()).extracting(Marker::kind)
                .containsExactly(MarkerKind.ALERT, MarkerKind.ALERT);
    }

    @Test
    void databaseConnectionsAbove80PercentOfMax() {
        second(Map.of("db/connections.active", 50.0, "db/connections.idle", 29.0, "db/connections.max", 100.0));
        assertThat(engine.evaluate()).isEmpty();
        second(Map.of("db/connections.active", 60.0, "db/connections.idle", 25.0, "db/connections.max", 100.0));
        assertThat(engine.evaluate()).singleElement().satisfies(a -> assertThat(a.message()).contains("85 of 100"));
    }

    @Test
    void lockWaitOverFiveSeconds() {
        second(Map.of("db/max_wait_s", 4.0, "db/blocked", 1.0));
        assertThat(engine.evaluate()).isEmpty();
        second(Map.of("db/max_wait_s", 6.5, "db/blocked", 2.0));
        assertThat(engine.evaluate()).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo("lock-wait");
            assertThat(a.message()).contains("6.5 s").contains("2 sessions");
        });
    }

    @Test
    void threeHealthChangesInTwoMinutesIsFlapping() {
        for (int i = 0; i < 2; i++) {
            now.set(now.get().plusSeconds(20));
            timeline.mark(new Marker(now.get(), MarkerKind.HEALTH_CHANGE, "shop", "web.green healthy → unhealthy", "500"));
        }
        assertThat(engine.evaluate()).isEmpty();
        now.set(now.get().plusSeconds(20));
        timeline.mark(new Marker(now.get(), MarkerKind.HEALTH_CHANGE, "shop", "web.green unhealthy → healthy", ""));
        assertThat(engine.evaluate()).singleElement().satisfies(a -> assertThat(a.rule()).isEqualTo("health-flapping"));
    }

    @Test
    void aFailingNotifierDoesNotStopTheOthers() {
        AlertEngine e = new AlertEngine("shop", timeline, AlertRules.defaults(),
                List.of(a -> { throw new IllegalStateException("down"); }, notified::add));
        second(Map.of("db/max_wait_s", 9.0));
        e.evaluate();
        assertThat(notified).hasSize(1);
    }
}
