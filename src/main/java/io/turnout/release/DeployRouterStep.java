package io.turnout.release;

import io.turnout.plan.Step;
import io.turnout.plan.StepContext;

import java.time.Duration;
import java.util.List;

/** Creates the stack's network and router container, or brings the router's configuration up to the definition. */
final class DeployRouterStep implements Step {

    private static final Duration READY = Duration.ofSeconds(30);

    private final ReleaseContext ctx;
    private boolean existed;

    DeployRouterStep(ReleaseContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String id() {
        return "deploy-router";
    }

    @Override
    public String title() {
        return (ctx.router.exists() ? "Update" : "Create") + " the " + ctx.router.kind() + " router of " + ctx.spec.name()
                + " on port " + ctx.spec.router().publicPort();
    }

    @Override
    public List<String> details() {
        return List.of("container " + ctx.spec.routerContainerName() + " from " + ctx.spec.router().image(),
                "public " + ctx.spec.router().publicBind() + ":" + ctx.spec.router().publicPort()
                        + "; preview and admin ports on the host's 127.0.0.1 only");
    }

    @Override
    public void apply(StepContext sc) {
        existed = ctx.router.exists();
        ctx.containers.ensureNetwork();
        ctx.router.deploy(ctx.spec, ctx.routesFor(ctx.state()));
        long end = System.nanoTime() + READY.toNanos();
        while (!ctx.router.healthy()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("The router " + ctx.spec.routerContainerName() + " did not answer its admin"
                        + " interface within " + Durations.text(READY) + ".");
            }
            sc.pause(Duration.ofMillis(200));
        }
        sc.log("Router " + ctx.spec.routerContainerName() + " is up.");
    }

    @Override
    public void compensate(StepContext sc) {
        if (!existed) {
            ctx.router.remove();
        }
    }
}
