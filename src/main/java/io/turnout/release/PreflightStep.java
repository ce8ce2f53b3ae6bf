package io.turnout.release;

import io.turnout.plan.Step;
import io.turnout.plan.StepContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Read-only checks before an upgrade touches anything: the router answers, the image is on the
 * host, the disk has room, no interrupted release is pending, and the health timeout is not
 * shorter than the boot time this service showed last time. Failing checks stop the plan; weak
 * ones are reported as warnings.
 */
final class PreflightStep implements Step {

    static final long MIN_FREE_BYTES = 512L * 1024 * 1024;

    private final ReleaseContext ctx;
    private final String service;
    private final String image;
    private final Duration healthTimeout;
    private final String runId;

    PreflightStep(ReleaseContext ctx, String service, String image, Duration healthTimeout, String runId) {
        this.ctx = ctx;
        this.service = service;
        this.image = image;
        this.healthTimeout = healthTimeout;
        this.runId = runId;
    }

    @Override
    public String id() {
        return "preflight";
    }

    @Override
    public String title() {
        return "Preflight: router, image (pulled if missing), disk space, no release in progress, health timeout vs boot time";
    }

    @Override
    public void precheck(StepContext sc) {
        List<String> failures = new ArrayList<>();
        if (!ctx.router.exists() || !ctx.router.healthy()) {
            failures.add("the router " + ctx.spec.routerContainerName() + " does not answer (run 'turnout stack apply' to recreate it)");
        } else {
            sc.log("ok   router " + ctx.router.kind() + " answers");
        }
        if (ctx.containers.imagePresent(image)) {
            sc.log("ok   image " + image + " is on the host");
        } else {
            sc.log("pull image " + image + " is not on the host: the host's engine will pull it");
        }
        long free = ctx.containers.freeBytes(ctx.spec.routerContainerName());
        if (free < 0) {
            sc.log("warn disk space unknown (the router image has no df)");
        } else if (free < MIN_FREE_BYTES) {
            failures.add("only " + free / (1024 * 1024) + " MiB free on Docker's disk (need 512 MiB)");
        } else {
            sc.log("ok   " + free / (1024 * 1024) + " MiB free on Docker's disk");
        }
        ctx.repo.interrupted().filter(r -> !r.runId().equals(runId)).ifPresentOrElse(
                r -> failures.add(r.sentence() + " Resume or roll it back first"),
                () -> sc.log("ok   no interrupted release"));
        ctx.repo.bootTime(service).ifPresentOrElse(boot -> {
            if (healthTimeout.compareTo(boot) < 0) {
                failures.add("the health timeout " + Durations.text(healthTimeout) + " is shorter than " + service
                        + "'s last boot time " + Durations.text(boot) + " (raise --timeout)");
            } else if (healthTimeout.toMillis() < boot.toMillis() * 3 / 2) {
                sc.log("warn the health timeout " + Durations.text(healthTimeout) + " leaves little room over the last boot time "
                        + Durations.text(boot));
            } else {
                sc.log("ok   health timeout " + Durations.text(healthTimeout) + " vs last boot time " + Durations.text(boot));
            }
        }, () -> sc.log("ok   no boot time recorded yet for " + service));
        if (!failures.isEmpty()) {
            throw new IllegalStateException("Preflight failed: " + String.join("; ", failures) + ".");
        }
    }

    /** The one thing preflight does: pull a missing image, so a registry problem stops the release before anything runs. */
    @Override
    public void apply(StepContext sc) {
        if (!ctx.containers.imagePresent(image)) {
            long t0 = System.nanoTime();
            ctx.containers.pull(image, PULL_TIMEOUT);
            sc.log("ok   pulled " + image + " in " + Durations.text(Duration.ofNanos(System.nanoTime() - t0)));
        }
    }

    static final Duration PULL_TIMEOUT = Duration.ofMinutes(10);
}
