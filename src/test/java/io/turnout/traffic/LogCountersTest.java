package io.turnout.traffic;

import io.turnout.stack.Color;
import io.turnout.timeline.SeriesKey;
import io.turnout.timeline.Timeline;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** nginx's per-color traffic, counted from its access log lines through the same feed HAProxy's counters go through. */
class LogCountersTest {

    private final Timeline timeline = new Timeline(Clock.systemUTC());
    private final LogCounters counters = new LogCounters();
    private final TrafficFeed feed = new TrafficFeed("shop", List.of("web"), counters, LogSource.NONE, timeline, Clock.systemUTC(),
            Duration.ofSeconds(1));

    @Test
    void countsRequestsAndErrorsPerColorFromTheBaselineOn() {
        feed.onLogLine("turnout web/blue 200 0.004");
        feed.tick(); // baseline: what came before is not this feed's traffic
        for (int i = 0; i < 7; i++) {
            feed.onLogLine("turnout web/blue 200 0.00" + i);
        }
        feed.onLogLine("turnout web/blue 404 0.001");
        feed.onLogLine("turnout web/green 502 1.250");
        feed.onLogLine("turnout api/blue 200 0.001"); // not a routed service of this feed
        feed.onLogLine("2026/11/23 18:00:00 [notice] 1#1: reconfiguring");
        feed.tick();

        ColorTraffic blue = feed.current().of("web", Color.BLUE);
        ColorTraffic green = feed.current().of("web", Color.GREEN);
        assertThat(blue.totalRequests()).isEqualTo(8);
        assertThat(blue.total5xx()).isZero();
        assertThat(green.totalRequests()).isEqualTo(1);
        assertThat(green.total5xx()).isEqualTo(1);
        assertThat(blue.share()).isEqualTo(8 / 9.0);
        assertThat(blue.p99Ms()).isEqualTo(6);
        assertThat(green.p50Ms()).isEqualTo(1250);
    }

    @Test
    void whatNginxDoesNotKnowIsAGapNotAZero() {
        feed.tick();
        feed.onLogLine("turnout web/blue 200 0.002");
        feed.tick();

        var series = timeline.last(Duration.ofMinutes(1)).series();
        assertThat(series).containsKey(SeriesKey.of("traffic", "web.blue.rps"))
                .doesNotContainKey(SeriesKey.of("traffic", "web.blue.sessions"))
                .doesNotContainKey(SeriesKey.of("traffic", "web.blue.avg_ms"));
    }
}
