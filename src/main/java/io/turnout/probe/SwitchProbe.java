package io.turnout.probe;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The built-in switch probe: fixed-rate HTTP GETs to one address while traffic is switched, so a
 * release can say "0 failed / 1,204 requests, mixed versions for 12 ms".
 *
 * <p>A scheduler thread releases request <i>k</i> at {@code start + k / rate} into a queue; each of
 * {@code concurrency} workers owns one connection (kept alive, or fresh per request) and sends
 * what is due. Latency and the timeout count from the <em>scheduled</em> time, so a stalled server
 * shows up as latency and failures instead of silently lowering the rate (coordinated omission).
 * Both caps are hard: scheduling ends at {@code maxRequests} or {@code maxDuration}; a worker
 * lives at most {@code maxDuration + timeout + 1 s}.
 */
public final class SwitchProbe {

    private static final Logger log = LoggerFactory.getLogger(SwitchProbe.class);
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long POLL_MILLIS = 20;

    private final ProbeSettings settings;
    private final long startNanos = System.nanoTime();
    private final ProbeRecorder recorder = new ProbeRecorder(Instant.now(), ZoneId.systemDefault());
    private final BlockingQueue<Long> due = new LinkedBlockingQueue<>();
    private final List<ProbeConnection> connections = new ArrayList<>();
    private final CountDownLatch workersDone;
    private final long workerEnd;
    private Thread scheduler;
    private volatile boolean scheduling = true;
    private volatile boolean stopping;
    private volatile ProbeReport finalReport;

    private SwitchProbe(ProbeSettings settings) {
        this.settings = settings;
        this.workersDone = new CountDownLatch(settings.concurrency());
        this.workerEnd = settings.maxDuration().toNanos() + settings.timeout().toNanos() + GRACE_NANOS;
    }

    public static SwitchProbe start(ProbeSettings settings) {
        SwitchProbe probe = new SwitchProbe(settings);
        probe.begin();
        return probe;
    }

    private void begin() {
        log.info("Switch probe: GET {}{} (Host {}) at {}/s, {} {} connection(s), at most {} requests or {}",
                settings.target(), settings.path(), settings.effectiveHost(), settings.ratePerSecond(),
                settings.concurrency(), settings.keepAlive() ? "keep-alive" : "fresh", settings.maxRequests(),
                settings.maxDuration());
        for (int i = 0; i < settings.concurrency(); i++) {
            ProbeConnection connection = new ProbeConnection(settings);
            connections.add(connection);
            Thread.ofPlatform().daemon().name("switch-probe-worker-" + i).start(() -> work(connection));
        }
        scheduler = Thread.ofPlatform().daemon().name("switch-probe-scheduler").start(this::schedule);
    }

    /** A phase boundary: the first mark ends "before" (e.g. at the switch), the second ends "during". */
    public void mark() {
        recorder.mark(System.nanoTime() - startNanos);
    }

    /** The report so far; cheap enough to call once per UI tick, from any thread. */
    public ProbeReport snapshot() {
        ProbeReport done = finalReport; // never waits on a stop() in progress
        return done != null ? done : recorder.report(System.nanoTime() - startNanos);
    }

    /** True once both caps or a stop ended the probe and every worker is done; waits up to {@code timeout}. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return workersDone.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Stops scheduling, lets in-flight requests finish (each is bounded by its timeout), and returns
     * the final report. Requests that were due but still waiting for a connection are not sent and not
     * counted. Returns within {@code timeout + 2 s}; calling it again returns the same report.
     */
    public synchronized ProbeReport stop() {
        if (finalReport != null) {
            return finalReport;
        }
        stopping = true;
        LockSupport.unpark(scheduler);
        try {
            if (!workersDone.await(settings.timeout().toNanos() + GRACE_NANOS, TimeUnit.NANOSECONDS)) {
                log.warn("Switch probe: workers still busy after the timeout; closing their connections");
                connections.forEach(ProbeConnection::close);
                workersDone.await(GRACE_NANOS, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            connections.forEach(ProbeConnection::close);
        }
        finalReport = recorder.report(System.nanoTime() - startNanos);
        ProbeRecorder.SendLag lag = recorder.sendLag();
        log.info("Switch probe stopped: {}; send lag mean {} ms, max {} ms", finalReport.summary(),
                String.format(Locale.ROOT, "%.3f", lag.meanMillis()), String.format(Locale.ROOT, "%.3f", lag.maxMillis()));
        return finalReport;
    }

    /** How late requests left against their schedule so far (the probe's own accuracy). */
    ProbeRecorder.SendLag sendLag() {
        return recorder.sendLag();
    }

    private void schedule() {
        int rate = settings.ratePerSecond();
        long maxNanos = settings.maxDuration().toNanos();
        try {
            for (long k = 0; k < settings.maxRequests() && !stopping; k++) {
                long at = k * 1_000_000_000L / rate; // from k, not by adding periods: no drift
                if (at >= maxNanos) {
                    break;
                }
                while (!stopping && System.nanoTime() - startNanos < at) {
                    LockSupport.parkNanos(at - (System.nanoTime() - startNanos));
                }
                if (!stopping) {
                    due.add(at); // late (GC, busy machine)? it still goes now, and its latency says so
                }
            }
        } finally {
            scheduling = false;
        }
    }

    private void work(ProbeConnection connection) {
        try {
            for (Long at = nextDue(); at != null; at = nextDue()) {
                send(connection, at);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connection.close();
            workersDone.countDown();
        }
    }

    /** The next due request, or null when scheduling is over and nothing is left, on stop, or at the hard end. */
    private Long nextDue() throws InterruptedException {
        while (!stopping && System.nanoTime() - startNanos < workerEnd) {
            boolean more = scheduling; // read before polling: false means every request is already queued
            Long at = due.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            if (at != null) {
                return stopping ? null : at;
            }
            if (!more) {
                return null;
            }
        }
        return null;
    }

    private void send(ProbeConnection connection, long at) {
        long deadline = startNanos + at + settings.timeout().toNanos();
        long sent = System.nanoTime();
        if (sent - deadline >= 0) {
            long now = sent - startNanos;
            recorder.record(new ProbeRecorder.Outcome(at, now, now, null, "no free connection within " + timeoutText()));
            return;
        }
        try {
            ProbeResponse response = connection.get(deadline);
            recorder.record(new ProbeRecorder.Outcome(at, sent - startNanos, System.nanoTime() - startNanos, response, null));
        } catch (IOException | RuntimeException e) {
            long now = System.nanoTime() - startNanos;
            recorder.record(new ProbeRecorder.Outcome(at, sent - startNanos, now, null, describe(e)));
        }
    }

    private String describe(Exception e) {
        if (e instanceof SocketTimeoutException) {
            return "timed out after " + timeoutText();
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private String timeoutText() {
        Duration t = settings.timeout();
        return t.toMillis() % 1000 == 0 ? t.toSeconds() + " s" : t.toMillis() + " ms";
    }
}
