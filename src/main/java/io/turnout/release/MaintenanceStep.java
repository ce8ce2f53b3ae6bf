package io.turnout.release;

import io.turnout.plan.Step;
import io.turnout.plan.StepContext;

import java.util.List;

/** Turns the router's maintenance page (503 for every public request) on or off. */
final class MaintenanceStep implements Step {

    private final ReleaseContext ctx;
    private final boolean on;

    MaintenanceStep(ReleaseContext ctx, boolean on) {
        this.ctx = ctx;
        this.on = on;
    }

    @Override
    public String id() {
        return "maintenance-" + (on ? "on" : "off");
    }

    @Override
    public String title() {
        return on ? "Put " + ctx.spec.name() + " in maintenance: every public request gets the 503 page"
                : "End maintenance of " + ctx.spec.name() + ": public requests reach the active colors again";
    }

    @Override
    public boolean dangerous() {
        return on;
    }

    @Override
    public List<String> details() {
        return ctx.router.diff(ctx.router.current().withMaintenance(on));
    }

    @Override
    public void apply(StepContext sc) {
        set(on);
        sc.log("Maintenance " + (on ? "on" : "off") + ".");
    }

    @Override
    public void compensate(StepContext sc) {
        set(!on);
    }

    private void set(boolean value) {
        ctx.router.apply(ctx.router.current().withMaintenance(value));
        ctx.updateState(s -> s.withMaintenance(value));
    }
}
