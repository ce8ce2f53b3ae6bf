package io.turnout.release;

import io.turnout.plan.Step;
import io.turnout.plan.StepContext;
import io.turnout.probe.ProbeReport;
import io.turnout.probe.ProbeSettings;
import io.turnout.probe.SwitchProbe;
import io.turnout.router.BackendCheck;
import io.turnout.router.RoutingTable;
import io.turnout.router.RoutingTable.ServiceRoute;
import io.turnout.stack.Color;
import io.turnout.stack.StackSpec.ServiceSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Moves all traffic of a service to one color in one router change, drains the other, and proves it:
 * the switch probe sends fixed-rate requests through the public frontend before, during and after,
 * and the result (requests, failures, mixed-version window, latency) becomes part of the release record.
 */
final class SwitchTrafficStep implements Step {

    static final int PROBE_RATE = 100;
    private static final int BASELINE_REQUESTS = 50;
    private static final int VERIFY_REQUESTS = 10;

    private final ReleaseContext ctx;
    private final String service;
    private final Color from;
    private final Color to;
    private final String verb;

    /** @param verb "Switch" or "Roll back": how the step names itself */
    SwitchTrafficStep(ReleaseContext ctx, String service, Color from, Color to, String verb) {
        this.ctx = ctx;
        this.service = service;
        this.from = from;
        this.to = to;
        this.verb = verb;
    }

    @Override
    public String id() {
        return "switch-" + service + "-to-" + to.id();
    }

    @Override
    public String title() {
        return verb + " traffic of " + service + " from " + from.id() + " (" + image(from) + ") to " + to.id() + " (" + image(to) + ")";
    }

    private String image(Color c) {
        return ctx.state().service(service).flatMap(s -> s.release(c)).map(r -> r.image()).orElse("not running yet");
    }

    @Override
    public List<String> details() {
        List<String> lines = new ArrayList<>();
        try {
            lines.addAll(ctx.router.diff(desired()));
        } catch (RuntimeException e) {
            lines.add("router diff unavailable: " + e.getMessage());
        }
        lines.add("new requests go to " + ctx.spec.containerName(service, to) + "; " + ctx.spec.containerName(service, from)
                + " finishes its in-flight requests (drain up to " + Durations.text(ctx.spec.router().drainTimeout()) + ")");
        lines.add("probe: " + PROBE_RATE + " requests/s through the public frontend before, during and after");
        return lines;
    }

    @Override
    public boolean dangerous() {
        return true;
    }

    private RoutingTable desired() {
        return ctx.router.current().with(service, ServiceRoute.allTo(to));
    }

    @Override
    public void precheck(StepContext sc) {
        if (!ctx.containers.running(service, to)) {
            throw new IllegalStateException(ctx.spec.containerName(service, to) + " is not running; nothing to switch to.");
        }
        BackendCheck check = ctx.router.checks().getOrDefault(service, Map.of()).get(to);
        if (check == null || !check.up()) {
            throw new IllegalStateException("The router sees " + service + " " + to.id() + " as "
                    + (check == null ? "unknown" : check.status() + (check.lastCheck() == null ? "" : " (" + check.lastCheck() + ")"))
                    + "; refusing to send traffic to it.");
        }
    }

    @Override
    public void apply(StepContext sc) {
        ServiceSpec svc = ctx.spec.service(service);
        Duration cap = ctx.spec.router().drainTimeout().plusSeconds(30);
        SwitchProbe probe = SwitchProbe.start(new ProbeSettings(ctx.router.publicAddress(), "/", svc.host(),
                PROBE_RATE, cap, PROBE_RATE * cap.toSeconds(), true, 4));
        try {
            awaitRequests(sc, probe, BASELINE_REQUESTS, Duration.ofSeconds(3));
            probe.mark();
            ctx.router.apply(desired());
            ctx.updateState(s -> s.with(service, s.service(service).orElseThrow().withActive(to)));
            sc.log("Router: all new " + service + " requests go to " + to.id() + ".");
            awaitDrained(sc);
            verifyPublic(sc, svc);
            probe.mark();
            long sent = probe.snapshot().sent();
            awaitRequests(sc, probe, sent + BASELINE_REQUESTS, Duration.ofSeconds(3));
            ProbeReport report = probe.stop();
            sc.detail(report);
            sc.log("Probe: " + report.summary());
            if (report.failed() > 0) {
                sc.log("Failures seen by the probe: " + String.join("; ", report.firstFailures()));
            }
        } finally {
            probe.stop(); // idempotent; ends the probe's load when the switch failed half way
        }
    }

    private void awaitRequests(StepContext sc, SwitchProbe probe, long count, Duration max) {
        long end = System.nanoTime() + max.toNanos();
        while (probe.snapshot().sent() < count && System.nanoTime() < end) {
            sc.checkAborted();
            sc.detail(probe.snapshot());
            sc.pause(Duration.ofMillis(100));
        }
    }

    /** Until the old color has no sessions left at the router, or the drain timeout. */
    private void awaitDrained(StepContext sc) {
        long start = System.nanoTime();
        long end = start + ctx.spec.router().drainTimeout().toNanos();
        while (System.nanoTime() < end) {
            BackendCheck old = ctx.router.checks().getOrDefault(service, Map.of()).get(from);
            if (old == null || old.sessions() <= 0) {
                sc.log(from.id() + " drained after " + Durations.text(Duration.ofNanos(System.nanoTime() - start)) + ".");
                return;
            }
            sc.pause(Duration.ofMillis(100));
        }
        sc.log(from.id() + " still had sessions after the drain timeout (" + Durations.text(ctx.spec.router().drainTimeout()) + ").");
    }

    private void verifyPublic(StepContext sc, ServiceSpec svc) {
        for (int i = 0; i < VERIFY_REQUESTS; i++) {
            HttpCheck r = HttpCheck.get(ctx.router.publicAddress(), svc.health().path(), svc.host(), Duration.ofSeconds(3));
            if (!r.ok() || (r.color() != null && !r.color().equals(to.id()))) {
                throw new IllegalStateException("After the switch the public frontend answered " + r.describe()
                        + " instead of 2xx from " + to.id() + ".");
            }
        }
        sc.log("Public frontend: " + VERIFY_REQUESTS + "/" + VERIFY_REQUESTS + " fresh requests served by " + to.id() + ".");
    }

    @Override
    public void compensate(StepContext sc) {
        ctx.router.apply(ctx.router.current().with(service, ServiceRoute.allTo(from)));
        ctx.updateState(s -> s.service(service).map(st -> s.with(service, st.withActive(from))).orElse(s));
        sc.log("Router: traffic of " + service + " back on " + from.id() + ".");
    }
}
