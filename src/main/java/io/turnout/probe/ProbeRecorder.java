package io.turnout.probe;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Aggregates probe outcomes as they arrive, so a report is a cheap copy at any moment. Times are
 * nanoseconds since the probe started. A request belongs to the phase in which it was
 * <em>scheduled</em>: the first mark ends "before", the second ends "during"; later marks are ignored.
 */
final class ProbeRecorder {

    private static final int MAX_FAILURES_KEPT = 10;
    private static final DateTimeFormatter FAILURE_TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    /** One request: when it was due, when it left, when it ended, and either a response or an error. */
    record Outcome(long scheduled, long sent, long done, ProbeResponse response, String error) {
    }

    /** How late requests left compared with their schedule (the probe's own accuracy). */
    record SendLag(long count, double meanMillis, double maxMillis) {
    }

    /** Who served responses: when first and last, and how many per phase. */
    private static final class Server {
        long firstDone = Long.MAX_VALUE;
        long lastDone = Long.MIN_VALUE;
        final long[] perPhase = new long[3];
    }

    private final Instant startedAt;
    private final ZoneId zone;
    private final long[] marks = new long[2];
    private int markCount;
    private long sent;
    private long failed;
    private long socketErrors;
    private final Map<String, Long> byVersion = new TreeMap<>();
    private final Map<String, Server> servers = new HashMap<>();
    private final LatencySamples[] latencies = {new LatencySamples(), new LatencySamples(), new LatencySamples()};
    private final List<String> firstFailures = new ArrayList<>();
    private long firstSend = Long.MAX_VALUE;
    private long lastSend = Long.MIN_VALUE;
    private long totalLag;
    private long maxLag;

    ProbeRecorder(Instant startedAt, ZoneId zone) {
        this.startedAt = startedAt;
        this.zone = zone;
    }

    synchronized void mark(long at) {
        if (markCount < marks.length) {
            marks[markCount++] = at;
        }
    }

    synchronized void record(Outcome o) {
        sent++;
        firstSend = Math.min(firstSend, o.sent());
        lastSend = Math.max(lastSend, o.sent());
        long lag = Math.max(0, o.sent() - o.scheduled());
        totalLag += lag;
        maxLag = Math.max(maxLag, lag);
        int phase = phaseOf(o.scheduled());
        ProbeResponse r = o.response();
        if (r == null) {
            failed++;
            socketErrors++;
            keepFailure(o.scheduled(), o.error());
            return;
        }
        if (!r.ok()) {
            failed++;
            keepFailure(o.scheduled(), String.valueOf(r.status()));
        }
        latencies[phase].add(o.done() - o.scheduled()); // from the schedule: queueing counts (coordinated omission)
        byVersion.merge(versionKey(r), 1L, Long::sum);
        String servedBy = r.color() != null ? r.color() : r.version();
        if (servedBy != null) {
            Server s = servers.computeIfAbsent(servedBy, k -> new Server());
            s.firstDone = Math.min(s.firstDone, o.done());
            s.lastDone = Math.max(s.lastDone, o.done());
            s.perPhase[phase]++;
        }
    }

    synchronized ProbeReport report(long end) {
        double rate = sent >= 2 && lastSend > firstSend ? (sent - 1) * 1e9 / (lastSend - firstSend) : 0;
        return new ProbeReport(sent, failed, socketErrors, Map.copyOf(byVersion), mixedWindowMillis(),
                latencies[0].summary(), latencies[1].summary(), latencies[2].summary(), rate,
                Math.max(0, end) / 1_000_000, List.copyOf(firstFailures));
    }

    synchronized SendLag sendLag() {
        return new SendLag(sent, sent == 0 ? 0 : totalLag / 1e6 / sent, maxLag / 1e6);
    }

    /**
     * Old = who served most before the first mark, new = who served most after the last mark (without
     * marks: the first and the last to answer). They overlapped if new answered before old's last answer.
     */
    private long mixedWindowMillis() {
        Server old = markCount == 0
                ? servers.values().stream().min(Comparator.comparingLong(s -> s.firstDone)).orElse(null) : busiest(0);
        Server now = markCount == 0
                ? servers.values().stream().max(Comparator.comparingLong(s -> s.lastDone)).orElse(null) : busiest(markCount);
        if (old == null || now == null || old == now || now.firstDone >= old.lastDone) {
            return 0;
        }
        long nanos = old.lastDone - now.firstDone;
        return (nanos + 999_999) / 1_000_000; // any overlap shows as at least 1 ms
    }

    private Server busiest(int phase) {
        Server best = null;
        for (Server s : servers.values()) {
            if (s.perPhase[phase] > 0 && (best == null || s.perPhase[phase] > best.perPhase[phase])) {
                best = s;
            }
        }
        return best;
    }

    private int phaseOf(long scheduled) {
        int phase = 0;
        while (phase < markCount && scheduled >= marks[phase]) {
            phase++;
        }
        return phase;
    }

    private static String versionKey(ProbeResponse r) {
        return r.version() != null ? r.version() : r.color() != null ? "color:" + r.color() : "unknown";
    }

    private void keepFailure(long scheduled, String what) {
        if (firstFailures.size() < MAX_FAILURES_KEPT) {
            Instant at = startedAt.plusNanos(scheduled);
            firstFailures.add(FAILURE_TIME.format(at.atZone(zone)) + " " + what);
        }
    }

    /** A growing array of latencies in nanoseconds; percentiles by nearest rank. */
    private static final class LatencySamples {
        private long[] values = new long[256];
        private int size;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        ProbeReport.Latency summary() {
            if (size == 0) {
                return ProbeReport.Latency.NONE;
            }
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            return new ProbeReport.Latency(size, rank(sorted, 0.50), rank(sorted, 0.95), rank(sorted, 0.99),
                    sorted[size - 1] / 1e6);
        }

        private static double rank(long[] sorted, double p) {
            int index = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1e6;
        }
    }
}
