package io.turnout.router;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Fixed-rate GET / requests to a router frontend on 127.0.0.1, bounded in count and time, one
 * at a time on its own thread: what the release probe will do, and what a switch must not disturb.
 */
final class TrafficLoop implements AutoCloseable {

    enum Mode {
        /** java.net.http.HttpClient, HTTP/1.1 keep-alive (it retries an idempotent GET once by itself). */
        HTTP_CLIENT_KEEP_ALIVE,
        /** a new TCP connection per request, "Connection: close". */
        FRESH_CONNECTIONS,
        /** one persistent connection, never retried; reconnects only after an error. */
        RAW_KEEP_ALIVE
    }

    /** @param error null when a response arrived */
    record Sample(long sentNanos, int status, String version, String color, String error) {
    }

    record Summary(Mode mode, int requests, int non2xx, int errors, Map<String, Integer> versions, List<String> errorTexts) {
        @Override
        public String toString() {
            return mode + ": " + requests + " requests, " + non2xx + " non-2xx, " + errors + " errors, versions " + versions
                    + (errorTexts.isEmpty() ? "" : ", e.g. " + errorTexts.subList(0, Math.min(3, errorTexts.size())));
        }
    }

    private final InetSocketAddress target;
    private final Mode mode;
    private final long periodNanos;
    private final int maxRequests;
    private final Duration maxDuration;
    private final List<Sample> samples = new ArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread thread;
    private HttpClient client;
    private RawHttp raw;

    TrafficLoop(InetSocketAddress target, Mode mode, int perSecond, int maxRequests, Duration maxDuration) {
        this.target = target;
        this.mode = mode;
        this.periodNanos = 1_000_000_000L / perSecond;
        this.maxRequests = maxRequests;
        this.maxDuration = maxDuration;
        this.thread = Thread.ofPlatform().name("traffic-" + mode).daemon().unstarted(this::run);
    }

    TrafficLoop start() {
        thread.start();
        return this;
    }

    int count() {
        synchronized (samples) {
            return samples.size();
        }
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /** Stops the loop and summarises what it saw. */
    Summary finish() throws InterruptedException {
        stop.set(true);
        thread.join(10_000);
        List<Sample> all = samples();
        Map<String, Integer> versions = new TreeMap<>();
        all.stream().filter(s -> s.version() != null).forEach(s -> versions.merge(s.version(), 1, Integer::sum));
        List<String> errors = all.stream().filter(s -> s.error() != null).map(Sample::error).collect(Collectors.toList());
        int non2xx = (int) all.stream().filter(s -> s.error() == null && (s.status() < 200 || s.status() > 299)).count();
        return new Summary(mode, all.size(), non2xx, errors.size(), versions, errors);
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        thread.join(10_000);
    }

    private void run() {
        long t0 = System.nanoTime();
        long deadline = t0 + maxDuration.toNanos();
        if (mode == Mode.HTTP_CLIENT_KEEP_ALIVE) {
            client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        }
        for (int i = 0; i < maxRequests && !stop.get(); i++) {
            long due = t0 + i * periodNanos;
            long now = System.nanoTime();
            if (now > deadline) {
                break;
            }
            if (due > now) {
                java.util.concurrent.locks.LockSupport.parkNanos(due - now);
            }
            Sample s = one();
            synchronized (samples) {
                samples.add(s);
            }
        }
        if (client != null) {
            client.close();
        }
        try {
            if (raw != null) {
                raw.close();
            }
        } catch (IOException ignored) {
            // closing after the run
        }
    }

    private Sample one() {
        long sent = System.nanoTime();
        try {
            switch (mode) {
                case HTTP_CLIENT_KEEP_ALIVE -> {
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.getPort() + "/"))
                            .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                    return new Sample(sent, r.statusCode(), r.headers().firstValue("x-turnout-version").orElse(null),
                            r.headers().firstValue("x-turnout-color").orElse(null), null);
                }
                case FRESH_CONNECTIONS -> {
                    return sample(sent, RawHttp.once(target, "/", "127.0.0.1"));
                }
                default -> {
                    if (raw == null) {
                        raw = new RawHttp(target);
                    }
                    return sample(sent, raw.get("/", "127.0.0.1", false));
                }
            }
        } catch (IOException | RuntimeException e) {
            closeRaw();
            return new Sample(sent, -1, null, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.set(true);
            return new Sample(sent, -1, null, null, "interrupted");
        }
    }

    private Sample sample(long sent, RawHttp.Response r) {
        if ("close".equalsIgnoreCase(r.header("connection"))) {
            closeRaw(); // the server said it closes: a new connection next time is not an error
        }
        return new Sample(sent, r.status(), r.header("x-turnout-version"), r.header("x-turnout-color"), null);
    }

    private void closeRaw() {
        if (raw != null) {
            try {
                raw.close();
            } catch (IOException ignored) {
                // replaced below
            }
            raw = null;
        }
    }
}
