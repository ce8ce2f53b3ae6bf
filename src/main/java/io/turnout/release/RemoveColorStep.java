package io.turnout.release;

import io.turnout.plan.Step;
import io.turnout.plan.StepContext;
import io.turnout.stack.Color;
import io.turnout.stack.Release;
import io.turnout.stack.StackState;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes the standby color of a service (cleanup after a verified switch). Its snapshot stays, so a
 * rollback can recreate it; snapshots beyond the retention limit are pruned.
 */
final class RemoveColorStep implements Step {

    private final ReleaseContext ctx;
    private final String service;
    private final Color color;

    RemoveColorStep(ReleaseContext ctx, String service, Color color) {
        this.ctx = ctx;
        this.service = service;
        this.color = color;
    }

    @Override
    public String id() {
        return "remove-" + service + "-" + color.id();
    }

    @Override
    public String title() {
        return "Remove " + service + " " + color.id() + " (" + ctx.state().service(service).flatMap(s -> s.release(color))
                .map(Release::image).orElse("no release recorded") + "); rollback then recreates it from its snapshot";
    }

    @Override
    public boolean pointOfNoReturn() {
        return true;
    }

    @Override
    public List<String> details() {
        return List.of("container " + ctx.spec.containerName(service, color) + " stops (SIGTERM, 10 s) and is removed",
                "snapshots kept: the newest " + ctx.rollbackLimit);
    }

    @Override
    public void precheck(StepContext sc) {
        Color active = ctx.state().service(service).map(StackState.ServiceState::active).orElse(null);
        if (active == color) {
            throw new IllegalStateException(color.id() + " is the active color of " + service + "; switch away from it before removing it.");
        }
    }

    @Override
    public void apply(StepContext sc) {
        boolean removed = ctx.containers.remove(service, color);
        sc.log(removed ? "Removed " + ctx.spec.containerName(service, color) + "." : "No " + color.id() + " container to remove.");
        StackState state = ctx.updateState(s -> s.service(service).map(st -> s.with(service, st.withRelease(color, null))).orElse(s));
        Set<String> keep = new HashSet<>();
        state.service(service).ifPresent(st -> st.colors().values().forEach(r -> keep.add(r.id())));
        ctx.repo.pruneSnapshots(service, ctx.rollbackLimit, keep);
    }
}
