package io.turnout.traffic;

import io.turnout.stack.Color;
import io.turnout.timeline.SeriesKey;
import io.turnout.timeline.Timeline;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The feed's arithmetic with a scripted stats answer and a clock the test moves; no router (see TrafficFeedIT for one). */
class TrafficFeedTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T15:00:00Z"));
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now.get(); }
    };
    private final AtomicReference<String> csv = new AtomicReference<>();
    private final Timeline timeline = new Timeline(clock);
    private final TrafficFeed feed = new TrafficFeed("shop", List.of("web"), TrafficCounters.haproxy(csv::get, List.of("web")), LogSource.NONE, timeline, clock,
            Duration.ofSeconds(1));

    private void counters(long blue, long blue5xx, long green) {
        csv.set(StatsCsvFixture.HEADER + StatsCsvFixture.server("web", "blue", 2, blue, blue - blue5xx, 0, blue5xx, 11, 13)
                + StatsCsvFixture.server("web", "green", 1, green, green, 0, 0, 5, 6));
    }

    @Test
    void ratesAreDeltasOverElapsedTimeAndSharesSplitTheService() {
        counters(1000, 10, 500);
        feed.tick();
        now.set(now.get().plusSeconds(2));
        counters(1140, 12, 560);
        feed.tick();

        ColorTraffic blue = feed.current().of("web", Color.BLUE);
        ColorTraffic green = feed.current().of("web", Color.GREEN);
        assertThat(blue.rps()).isEqualTo(70.0);
        assertThat(blue.rate5xx()).isEqualTo(1.0);
        assertThat(blue.share()).isCloseTo(0.7, within(1e-9));
        assertThat(green.share()).isCloseTo(0.3, within(1e-9));
        assertThat(blue.totalRequests()).isEqualTo(140);
        assertThat(blue.sessions()).isEqualTo(2);
        assertThat(blue.avgResponseMs()).isEqualTo(11);
        assertThat(timeline.last(Duration.ofMinutes(1)).series().get(SeriesKey.of("traffic", "web.blue.rps")).last())
                .isEqualTo(70.0);
    }

    @Test
    void aReloadThatResetsTheCountersCountsEverythingAsNew() {
        counters(1000, 0, 500);
        feed.tick();
        now.set(now.get().plusSeconds(1));
        counters(30, 0, 20);
        feed.tick();

        assertThat(feed.current().of("web", Color.BLUE).totalRequests()).isEqualTo(30);
        assertThat(feed.current().of("web", Color.GREEN).totalRequests()).isEqualTo(20);
    }

    @Test
    void percentilesComeFromTheAccessLogLinesOfTheTick() {
        counters(0, 0, 0);
        feed.tick();
        for (int i = 1; i <= 100; i++) {
            feed.onLogLine("172.18.0.1:1 [23/Nov/2026:15:00:00.000] fe.public web/blue 0/0/0/1/" + i
                    + " 200 10 - - ---- 1/1/0/0/0 0/0 \"GET / HTTP/1.1\"");
        }
        now.set(now.get().plusSeconds(1));
        counters(100, 0, 0);
        feed.tick();

        ColorTraffic blue = feed.current().of("web", Color.BLUE);
        assertThat(blue.p50Ms()).isEqualTo(50.0);
        assertThat(blue.p95Ms()).isEqualTo(95.0);
        assertThat(blue.p99Ms()).isEqualTo(99.0);
        assertThat(feed.current().of("web", Color.GREEN).p95Ms()).isNaN();
    }

    @Test
    void anUnreadableRouterKeepsTheLastValuesAndSaysWhy() {
        counters(0, 0, 0);
        feed.tick();
        now.set(now.get().plusSeconds(1));
        counters(10, 0, 0);
        feed.tick();
        csv.set("");
        feed.tick();

        assertThat(feed.current().error()).contains("could not be read");
        assertThat(feed.current().of("web", Color.BLUE).totalRequests()).isEqualTo(10);
    }

    @Test
    void followsTheLogAgainOnceTheRouterContainerWasReplaced() {
        counters(0, 0, 0);
        java.util.concurrent.atomic.AtomicInteger follows = new java.util.concurrent.atomic.AtomicInteger();
        LogSource endsAtOnce = lines -> {
            follows.incrementAndGet();
            return new LogSource.Following() {
                @Override public boolean alive() { return false; }
                @Override public void close() { }
            };
        };
        try (TrafficFeed f = new TrafficFeed("shop", List.of("web"), TrafficCounters.haproxy(csv::get, List.of("web")), endsAtOnce, timeline, clock, Duration.ofMillis(20))) {
            f.start();
            io.turnout.testing.Poll.until(Duration.ofSeconds(10), "the first follow", () -> follows.get() >= 1);
            assertThat(follows.get()).as("not again within 5 s").isEqualTo(1);
            now.set(now.get().plusSeconds(6));
            io.turnout.testing.Poll.until(Duration.ofSeconds(10), "a second follow", () -> follows.get() >= 2);
        }
    }
}
