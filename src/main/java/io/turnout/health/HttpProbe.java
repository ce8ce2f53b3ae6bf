package io.turnout.health;

import io.turnout.probe.HttpGet;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/** One GET of a probe path on a container; 2xx and 3xx pass. Never throws: no answer is a result too. */
final class HttpProbe {

    private static final int MAX_OUTPUT = 200;

    private final ContainerReach reach;
    private final Clock clock;

    HttpProbe(ContainerReach reach, Clock clock) {
        this.reach = reach;
        this.clock = clock;
    }

    ProbeResult run(String kind, String path, String ip, int port, Duration timeout) {
        long t0 = System.nanoTime();
        if (ip == null || ip.isEmpty()) {
            return new ProbeResult(kind, path, false, 0, 0, "the container has no address on the stack network", clock.instant());
        }
        try {
            HttpGet.Response r = HttpGet.once(reach.reach(ip, port), path, null, timeout);
            boolean ok = r.status() >= 200 && r.status() < 400;
            return new ProbeResult(kind, path, ok, r.status(), r.millis(), ok ? "" : firstLine(r.body()), clock.instant());
        } catch (IOException | RuntimeException e) {
            String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return new ProbeResult(kind, path, false, 0, (System.nanoTime() - t0) / 1_000_000, why, clock.instant());
        }
    }

    private static String firstLine(String body) {
        String s = body.strip();
        int nl = s.indexOf('\n');
        s = nl < 0 ? s : s.substring(0, nl);
        return s.length() > MAX_OUTPUT ? s.substring(0, MAX_OUTPUT) + "…" : s;
    }
}
