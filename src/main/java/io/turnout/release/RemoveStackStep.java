package io.turnout.release;

import com.github.dockerjava.api.model.Container;
import io.turnout.plan.Step;
import io.turnout.plan.StepContext;

import java.util.List;

/**
 * Removes everything of a stack from its host: color containers, router, network, definition, state
 * and snapshots. The history and the journals stay as the audit trail of what was there.
 */
final class RemoveStackStep implements Step {

    private final ReleaseContext ctx;

    RemoveStackStep(ReleaseContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String id() {
        return "remove-stack";
    }

    @Override
    public String title() {
        return "Remove stack " + ctx.spec.name() + ": all its containers, its router and its network";
    }

    @Override
    public List<String> details() {
        return ctx.containers.all().stream().map(c -> "remove " + name(c) + " (" + c.getImage() + ", " + c.getState() + ")").toList();
    }

    private static String name(Container c) {
        return c.getNames() == null || c.getNames().length == 0 ? c.getId().substring(0, 12) : c.getNames()[0].replaceFirst("^/", "");
    }

    @Override
    public boolean dangerous() {
        return true;
    }

    @Override
    public boolean pointOfNoReturn() {
        return true;
    }

    @Override
    public void apply(StepContext sc) {
        ctx.router.remove();
        for (Container c : ctx.containers.all()) {
            ctx.host.docker().removeContainerCmd(c.getId()).withForce(true).exec();
            sc.log("Removed " + name(c) + ".");
        }
        ctx.containers.removeNetwork();
        ctx.repo.removeDefinitionAndState();
        sc.log("Definition, state and snapshots removed; history and journals kept in " + ctx.host.store().describe() + "/"
                + ctx.spec.name() + ".");
    }
}
