package io.turnout.timeline;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final SeriesKey ACTIVE = SeriesKey.of("db", "connections.active");
    private static final SeriesKey GREEN_RPS = SeriesKey.of("traffic", "web.green.rps");

    private final Timeline timeline = new Timeline(Duration.ofMinutes(10), Duration.ofSeconds(1), Clock.fixed(T0, ZoneOffset.UTC));

    @Test
    void sliceReturnsOnlyPointsAndMarkersInsideTheWindow() {
        for (int s = 0; s < 60; s++) {
            timeline.record(T0.plusSeconds(s), Map.of(ACTIVE, (double) s, GREEN_RPS, 100.0 + s));
        }
        timeline.mark(new Marker(T0.plusSeconds(5), MarkerKind.SWITCH, "shop", "Switch → green", ""));
        timeline.mark(new Marker(T0.plusSeconds(50), MarkerKind.ALERT, "shop", "5xx", "2 %"));

        TimelineSlice slice = timeline.slice(T0.plusSeconds(10), T0.plusSeconds(19));

        SeriesData active = slice.series().get(ACTIVE);
        assertThat(active.values()).containsExactly(10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
        assertThat(active.epochMillis()[0]).isEqualTo(T0.plusSeconds(10).toEpochMilli());
        assertThat(slice.series().get(GREEN_RPS).last()).isEqualTo(119.0);
        assertThat(slice.markers()).isEmpty();
        assertThat(timeline.slice(T0, T0.plusSeconds(60)).markers()).extracting(Marker::kind)
                .containsExactly(MarkerKind.SWITCH, MarkerKind.ALERT);
    }

    @Test
    void keepsOnlyTheRetentionWindowHoweverLongItRuns() {
        int seconds = 3 * 600;
        for (int s = 0; s < seconds; s++) {
            timeline.record(T0.plusSeconds(s), ACTIVE, s);
        }
        SeriesData all = timeline.slice(T0, T0.plusSeconds(seconds)).series().get(ACTIVE);

        assertThat(all.size()).isEqualTo(601);
        assertThat(all.values()[0]).isEqualTo(seconds - 601);
        assertThat(all.last()).isEqualTo(seconds - 1);
    }

    @Test
    void markerListenersHearEveryNewMarkerUntilTheyUnsubscribe() {
        List<Marker> heard = new ArrayList<>();
        Runnable unsubscribe = timeline.onMarker(heard::add);
        Marker first = new Marker(T0, MarkerKind.GATE_PASSED, "shop", "web green healthy", null);
        timeline.mark(first);
        unsubscribe.run();
        timeline.mark(new Marker(T0.plusSeconds(1), MarkerKind.SWITCH, "shop", "Switch", ""));

        assertThat(heard).containsExactly(first);
        assertThat(first.detail()).isEmpty();
    }
}
