package io.turnout.release;

import io.turnout.plan.Step;
import io.turnout.plan.StepContext;
import io.turnout.stack.Color;
import io.turnout.stack.Release;
import io.turnout.stack.Snapshot;
import io.turnout.stack.StackSpec.ServiceSpec;

import java.util.List;

/**
 * Starts one color of a service from a spec (the new image on the active color's configuration, or a
 * snapshot being restored). Leaves its snapshot behind, so the color can be recreated later.
 */
final class StartColorStep implements Step {

    private final ReleaseContext ctx;
    private final String service;
    private final Color color;
    private final ServiceSpec svc;
    private final Release release;
    private final String why;

    StartColorStep(ReleaseContext ctx, String service, Color color, ServiceSpec svc, Release release, String why) {
        this.ctx = ctx;
        this.service = service;
        this.color = color;
        this.svc = svc;
        this.release = release;
        this.why = why;
    }

    @Override
    public String id() {
        return "start-" + service + "-" + color.id();
    }

    @Override
    public String title() {
        return "Start " + service + " " + color.id() + " with " + svc.image() + " (" + why + ")";
    }

    @Override
    public List<String> details() {
        String replaced = ctx.containers.inspect(service, color)
                .map(c -> "replaces the existing " + color.id() + " container (" + c.getConfig().getImage() + ")")
                .orElse("new container " + ctx.spec.containerName(service, color));
        return List.of(replaced, "on network " + ctx.spec.network() + ", release " + release.id());
    }

    @Override
    public void precheck(StepContext sc) {
        ctx.state().service(service).map(io.turnout.stack.StackState.ServiceState::active).ifPresent(active -> {
            if (active == color) {
                throw new IllegalStateException(color.id() + " is the active color of " + service
                        + "; refusing to replace the container that serves traffic.");
            }
        });
    }

    @Override
    public void apply(StepContext sc) {
        if (!ctx.containers.imagePresent(svc.image())) {
            sc.log("Pulling " + svc.image() + " (not on the host)…");
            ctx.containers.pull(svc.image(), PreflightStep.PULL_TIMEOUT);
        }
        ctx.containers.ensureNetwork();
        ctx.repo.saveSnapshot(new Snapshot(release, svc));
        ctx.updateState(s -> s.with(service, s.service(service)
                .orElse(new io.turnout.stack.StackState.ServiceState(null, java.util.Map.of()))
                .withRelease(color, release)));
        String id = ctx.containers.start(service, svc, color, release);
        sc.log("Started " + ctx.spec.containerName(service, color) + " (" + id.substring(0, 12) + ") from " + svc.image());
    }

    @Override
    public void verify(StepContext sc) {
        if (!ctx.containers.running(service, color)) {
            throw new IllegalStateException(ctx.spec.containerName(service, color) + " stopped right after it started: "
                    + ctx.containers.tail(service, color, 5));
        }
    }

    @Override
    public void compensate(StepContext sc) {
        if (ctx.containers.remove(service, color)) {
            sc.log("Removed " + ctx.spec.containerName(service, color));
        }
        ctx.updateState(s -> s.service(service).map(st -> s.with(service, st.withRelease(color, null))).orElse(s));
    }
}
