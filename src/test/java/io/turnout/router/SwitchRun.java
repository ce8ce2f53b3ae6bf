package io.turnout.router;

import io.turnout.testing.Poll;

import io.turnout.router.TrafficLoop.Mode;
import io.turnout.router.TrafficLoop.Sample;
import io.turnout.router.TrafficLoop.Summary;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A switch and a switch back made while three fixed-rate loops (HttpClient keep-alive, fresh
 * connections, raw keep-alive without retries) send requests through the public frontend:
 * 40 requests/s each, at most 650 each (1,950 in all) and 20 s.
 */
final class SwitchRun {

    private static final int PER_SECOND = 40;
    private static final int MAX_PER_LOOP = 650;
    private static final Duration MAX_TIME = Duration.ofSeconds(20);
    private static final int SETTLE = 40;

    private final List<TrafficLoop> loops;
    private final List<Summary> summaries = new ArrayList<>();
    private long switchStart;
    private long switchEnd;
    private long backStart;
    private long backEnd;

    private SwitchRun(List<TrafficLoop> loops) {
        this.loops = loops;
    }

    static SwitchRun through(InetSocketAddress publicAddress, Runnable switchOver, Runnable switchBack) throws InterruptedException {
        List<TrafficLoop> loops = new ArrayList<>();
        for (Mode m : Mode.values()) {
            loops.add(new TrafficLoop(publicAddress, m, PER_SECOND, MAX_PER_LOOP, MAX_TIME).start());
        }
        SwitchRun run = new SwitchRun(loops);
        try {
            run.awaitSamplesAfter(0);
            run.switchStart = System.nanoTime();
            switchOver.run();
            run.switchEnd = System.nanoTime();
            run.awaitSamplesAfter(run.switchEnd);
            run.backStart = System.nanoTime();
            switchBack.run();
            run.backEnd = System.nanoTime();
            run.awaitSamplesAfter(run.backEnd);
        } finally {
            for (TrafficLoop l : loops) {
                run.summaries.add(l.finish());
            }
        }
        return run;
    }

    void print(String label) {
        System.out.printf("[measure] %s: switch %.1f ms, switch back %.1f ms%n", label,
                (switchEnd - switchStart) / 1e6, (backEnd - backStart) / 1e6);
        for (int i = 0; i < loops.size(); i++) {
            System.out.printf("[measure]   %s; mixed versions for %.0f ms around the switch%n", summaries.get(i),
                    mixedMillis(loops.get(i).samples()));
        }
    }

    List<Summary> summaries() {
        return List.copyOf(summaries);
    }

    void assertNoFailures() {
        for (Summary s : summaries) {
            assertThat(s.errors()).as(s.toString()).isZero();
            assertThat(s.non2xx()).as(s.toString()).isZero();
        }
    }

    /** Requests sent after a switch returned are answered by the color it switched to, and only by it. */
    void assertSwitched(String oldVersion, String newVersion) {
        for (TrafficLoop l : loops) {
            for (Sample s : l.samples()) {
                if (s.sentNanos() < switchStart || s.sentNanos() > backEnd) {
                    assertThat(s.version()).as(l + " before/after both switches").isEqualTo(oldVersion);
                } else if (s.sentNanos() > switchEnd && s.sentNanos() < backStart) {
                    assertThat(s.version()).as("sent after the switch returned").isEqualTo(newVersion);
                }
            }
        }
    }

    /** From the first answer by the new color to the last one by the old color, first switch only. */
    private double mixedMillis(List<Sample> samples) {
        String oldVersion = samples.isEmpty() ? null : samples.get(0).version();
        long firstNew = Long.MAX_VALUE;
        long lastOld = switchStart;
        for (Sample s : samples) {
            if (s.sentNanos() >= backStart || s.version() == null) {
                continue;
            }
            if (!s.version().equals(oldVersion)) {
                firstNew = Math.min(firstNew, s.sentNanos());
            } else if (s.sentNanos() >= switchStart) {
                lastOld = Math.max(lastOld, s.sentNanos());
            }
        }
        return firstNew == Long.MAX_VALUE ? 0 : Math.max(0, lastOld - firstNew) / 1e6;
    }

    private void awaitSamplesAfter(long t) {
        Poll.until(Duration.ofSeconds(10), SETTLE + " samples per loop after t=" + t, () -> loops.stream()
                .allMatch(l -> l.samples().stream().filter(s -> s.sentNanos() > t).count() >= SETTLE), ok -> ok);
    }
}
