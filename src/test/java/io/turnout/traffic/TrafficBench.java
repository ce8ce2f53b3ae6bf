package io.turnout.traffic;

import io.turnout.timeline.Timeline;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What one traffic tick costs and how fast the access log is parsed (docs/bench/traffic.md). No
 * JMH: a warm loop per figure is enough at these magnitudes. Lives in the feed's package to time
 * its package-private tick and log path. Usage: {@code TrafficBench [--runtime HOST:PORT]}; with
 * {@code --runtime} (a router's runtime API, see scripts/bench-traffic) it also times the live
 * {@code show stat} read.
 */
public final class TrafficBench {

    private static final List<String> SERVICES = List.of("web", "api", "admin", "shop");

    private TrafficBench() {
    }

    public static void main(String[] args) throws Exception {
        String runtime = args.length == 2 && args[0].equals("--runtime") ? args[1] : null;
        String csv = csv(0);
        System.out.printf(Locale.ROOT, "show stat answer: %d bytes, %d lines, %d routed services%n", csv.length(),
                csv.split("\n").length, SERVICES.size());
        timeParse(csv);
        timeTick();
        timeLog();
        if (runtime != null) {
            timeLive(runtime);
        }
    }

    private static void timeParse(String csv) {
        int n = 50_000;
        long sink = 0;
        for (int i = 0; i < n; i++) {
            sink += HaproxyStatsCsv.parse(csv, SERVICES).size();
        }
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            sink += HaproxyStatsCsv.parse(csv, SERVICES).size();
            t[i] = System.nanoTime() - t0;
        }
        report("parse show stat (4 services)", t, sink);
    }

    /** A whole tick without the network: parse, deltas, shares, percentiles of 200 logged requests, timeline append. */
    private static void timeTick() {
        String[] answers = new String[64];
        for (int i = 0; i < answers.length; i++) {
            answers[i] = csv(i * 100L);
        }
        int[] next = {0};
        TrafficFeed feed = new TrafficFeed("bench", SERVICES, TrafficCounters.haproxy(() -> answers[next[0]++ % answers.length], SERVICES), LogSource.NONE,
                new Timeline(Clock.systemUTC()), Clock.systemUTC(), Duration.ofSeconds(1));
        String line = "172.18.0.1:53462 [23/Nov/2026:15:10:01.123] fe.public web/blue 0/0/1/2/%d 200 170 - - ---- 1/1/0/0/0 0/0 \"GET / HTTP/1.1\"";
        int n = 20_000;
        long[] t = new long[n];
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < 200; j++) {
                    feed.onLogLine(line.formatted(j));
                }
                long t0 = System.nanoTime();
                feed.tick();
                t[i] = System.nanoTime() - t0;
            }
        }
        report("tick without network (4 services, 200 log lines)", t, feed.current().services().size());
    }

    private static void timeLog() {
        int distinct = 10_000;
        String[] lines = new String[distinct];
        for (int i = 0; i < distinct; i++) {
            lines[i] = "172.18.0." + (i % 250) + ":" + (40000 + i) + " [23/Nov/2026:15:10:01." + (i % 1000) + "] fe.public "
                    + SERVICES.get(i % 4) + "/" + (i % 3 == 0 ? "green" : "blue") + " 0/0/1/" + (i % 40) + "/" + (i % 90)
                    + " " + (i % 50 == 0 ? 503 : 200) + " 170 - - ---- 3/3/1/1/0 0/0 \"GET /orders/" + i + " HTTP/1.1\"";
        }
        TrafficFeed feed = new TrafficFeed("bench", SERVICES, TrafficCounters.haproxy(() -> csv(0), SERVICES), LogSource.NONE, new Timeline(Clock.systemUTC()),
                Clock.systemUTC(), Duration.ofSeconds(1));
        int n = 2_000_000;
        for (int i = 0; i < n / 4; i++) {
            feed.onLogLine(lines[i % distinct]);
        }
        feed.tick();
        double best = 0;
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                feed.onLogLine(lines[i % distinct]);
                if (i % 50_000 == 49_999) {
                    feed.tick(); // a tick's worth drained, as at run time
                }
            }
            double perSecond = n / ((System.nanoTime() - t0) / 1e9);
            best = Math.max(best, perSecond);
            System.out.printf(Locale.ROOT, "access log round %d: %,.0f lines/s%n", round + 1, perSecond);
        }
        System.out.printf(Locale.ROOT, "access log parse + sample, best of 5: %,.0f lines/s%n", best);
    }

    private static void timeLive(String hostPort) throws Exception {
        String[] hp = hostPort.split(":");
        InetSocketAddress to = new InetSocketAddress(hp[0], Integer.parseInt(hp[1]));
        List<String> routed = List.of("web");
        int n = 300;
        long[] read = new long[n];
        long[] whole = new long[n];
        for (int i = 0; i < n + 20; i++) {
            long t0 = System.nanoTime();
            String answer = showStat(to);
            long t1 = System.nanoTime();
            HaproxyStatsCsv.parse(answer, routed);
            long t2 = System.nanoTime();
            if (i >= 20) {
                read[i - 20] = t1 - t0;
                whole[i - 20] = t2 - t0;
            }
        }
        report("live show stat read over the runtime API", read, 0);
        report("live read + parse", whole, 0);
    }

    private static String showStat(InetSocketAddress to) throws Exception {
        try (Socket s = new Socket()) {
            s.connect(to, 3000);
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write("show stat\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void report(String what, long[] nanos, long sink) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%-50s p50 %8.1f µs  p95 %8.1f µs  p99 %8.1f µs  (n=%d)%s%n", what,
                s[s.length / 2] / 1e3, s[(int) (s.length * 0.95)] / 1e3, s[(int) (s.length * 0.99)] / 1e3, s.length,
                sink == Long.MIN_VALUE ? "!" : "");
    }

    /** A show stat answer for 4 routed services: frontends, public and preview backends, BACKEND rows. */
    private static String csv(long base) {
        StringBuilder b = new StringBuilder(StatsCsvFixture.HEADER);
        b.append(StatsCsvFixture.frontend("fe.public")).append(StatsCsvFixture.frontend("fe.stats"));
        for (String s : SERVICES) {
            b.append(StatsCsvFixture.frontend("fe.preview." + s));
            for (String backend : List.of(s, "preview." + s)) {
                b.append(StatsCsvFixture.server(backend, "blue", 3, base * 7, base * 7, 0, 0, 4, 6));
                b.append(StatsCsvFixture.server(backend, "green", 1, base * 3, base * 3, 0, base / 50, 5, 7));
                b.append(StatsCsvFixture.server(backend, "BACKEND", 4, base * 10, base * 10, 0, base / 50, 4, 6));
            }
        }
        return b.toString();
    }
}
