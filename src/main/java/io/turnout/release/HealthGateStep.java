package io.turnout.release;

import io.turnout.plan.Step;
import io.turnout.plan.StepContext;
import io.turnout.router.BackendCheck;
import io.turnout.stack.Color;
import io.turnout.stack.StackSpec.ServiceSpec;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Waits until a new color is ready: Docker's health check (when the image has one), the router's
 * own check, and a GET of the health path through the preview frontend answered by that color.
 * Fails with what was last seen and the container's last output when the timeout passes.
 */
final class HealthGateStep implements Step {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

    private final ReleaseContext ctx;
    private final String service;
    private final Color color;
    private final Duration timeout;
    private final Duration interval;
    private final boolean skip;

    HealthGateStep(ReleaseContext ctx, String service, Color color, Duration timeout, Duration interval, boolean skip) {
        this.ctx = ctx;
        this.service = service;
        this.color = color;
        this.timeout = timeout;
        this.interval = interval;
        this.skip = skip;
    }

    @Override
    public String id() {
        return "health-" + service + "-" + color.id();
    }

    @Override
    public String title() {
        return skip ? "Skip the health gate of " + service + " " + color.id() + " (--skip-health)"
                : "Health gate: " + service + " " + color.id() + " must pass within " + Durations.text(timeout);
    }

    @Override
    public List<String> details() {
        ServiceSpec svc = ctx.spec.service(service);
        return skip ? List.of("no checks: traffic may reach a color that is not ready")
                : List.of("Docker health check, router check, GET " + svc.health().path()
                + (svc.routed() ? " through the preview frontend" : "") + " every " + Durations.text(interval));
    }

    @Override
    public void apply(StepContext sc) {
        if (skip) {
            sc.log("Health gate skipped by the operator.");
            return;
        }
        ServiceSpec svc = ctx.spec.service(service);
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        String last = "";
        while (true) {
            sc.checkAborted();
            Observation o = observeOrUnreachable(svc);
            if (!o.summary().equals(last)) {
                sc.log(o.summary());
                last = o.summary();
            }
            if (o.passed()) {
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                sc.log(service + " " + color.id() + " passed the gate after " + Durations.text(took) + ".");
                ctx.repo.recordBootTime(service, took);
                return;
            }
            if (o.dockerHealth().equals("stopped") || o.dockerHealth().equals("missing")) {
                // the container itself is gone or dead: waiting longer cannot help
                throw new IllegalStateException(service + " " + color.id() + " is " + o.dockerHealth()
                        + " instead of becoming healthy. Last output: " + ctx.containers.tail(service, color, 5));
            }
            long now = System.nanoTime();
            if (now >= deadline) {
                throw new IllegalStateException(service + " " + color.id() + " did not become healthy within "
                        + Durations.text(timeout) + ": " + o.summary() + ". Last output: " + ctx.containers.tail(service, color, 5));
            }
            sc.progress((double) (now - start) / timeout.toNanos());
            sc.pause(Duration.ofNanos(Math.min(interval.toNanos(), deadline - now)));
        }
    }

    /**
     * A dropped connection (the SSH session reconnecting) is one more failed observation, not the end
     * of the release: the gate keeps polling until its timeout, so the run resumes after a reconnect.
     */
    private Observation observeOrUnreachable(ServiceSpec svc) {
        try {
            return observe(svc);
        } catch (RuntimeException e) {
            return new Observation("unreachable (" + e.getMessage() + ")", null, null, false);
        }
    }

    private Observation observe(ServiceSpec svc) {
        String docker = ctx.containers.health(service, color);
        if (!svc.routed()) {
            return new Observation(docker, null, null, docker.equals("healthy") || docker.equals("none"));
        }
        BackendCheck check = ctx.router.checks().getOrDefault(service, Map.of()).get(color);
        HttpCheck http = HttpCheck.get(ctx.router.previewAddress(service), svc.health().path(), svc.host(), REQUEST_TIMEOUT);
        boolean dockerOk = docker.equals("healthy") || docker.equals("none");
        boolean routerOk = check != null && check.up();
        boolean httpOk = http.ok() && (http.color() == null || http.color().equals(color.id()));
        return new Observation(docker, check, http, dockerOk && routerOk && httpOk);
    }

    private record Observation(String dockerHealth, BackendCheck router, HttpCheck http, boolean passed) {
        String summary() {
            StringBuilder sb = new StringBuilder("docker health " + dockerHealth);
            if (router != null || http != null) {
                sb.append("; router check ").append(router == null ? "unknown" : router.status()
                        + (router.lastCheck() == null ? "" : " (" + router.lastCheck() + ")"));
                sb.append("; preview GET → ").append(http == null ? "-" : http.describe());
            }
            return sb.toString();
        }
    }
}
