package io.turnout.release;

import io.turnout.plan.Step;
import io.turnout.plan.StepContext;
import io.turnout.router.RoutingTable.ServiceRoute;
import io.turnout.stack.Color;

/** Makes the first color of a new service active: records it and routes public traffic to it. */
final class ActivateStep implements Step {

    private final ReleaseContext ctx;
    private final String service;
    private final Color color;

    ActivateStep(ReleaseContext ctx, String service, Color color) {
        this.ctx = ctx;
        this.service = service;
        this.color = color;
    }

    @Override
    public String id() {
        return "activate-" + service + "-" + color.id();
    }

    @Override
    public String title() {
        return "Make " + color.id() + " the active color of " + service;
    }

    @Override
    public boolean dangerous() {
        return false;
    }

    @Override
    public void apply(StepContext sc) {
        ctx.updateState(s -> s.with(service, s.service(service).orElseThrow().withActive(color)));
        if (ctx.spec.service(service).routed()) {
            // the preview moves to the other color, where the next upgrade will start
            ctx.router.apply(ctx.router.current().with(service, ServiceRoute.allTo(color)));
            sc.log("Public traffic of " + service + " goes to " + color.id() + ".");
        }
    }

    @Override
    public void compensate(StepContext sc) {
        ctx.updateState(s -> s.service(service).map(st -> s.with(service, st.withActive(null))).orElse(s));
    }
}
