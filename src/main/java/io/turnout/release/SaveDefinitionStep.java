package io.turnout.release;

import io.turnout.plan.Step;
import io.turnout.plan.StepContext;
import io.turnout.stack.StackSpec;

import java.util.Optional;

/** Writes the stack definition to the host, where every operator reads it. */
final class SaveDefinitionStep implements Step {

    private final ReleaseContext ctx;
    private final StackSpec spec;
    private Optional<StackSpec> previous = Optional.empty();

    SaveDefinitionStep(ReleaseContext ctx, StackSpec spec) {
        this.ctx = ctx;
        this.spec = spec;
    }

    @Override
    public String id() {
        return "save-definition";
    }

    @Override
    public String title() {
        return "Save the definition of " + spec.name() + " on " + ctx.host.store().describe();
    }

    @Override
    public void apply(StepContext sc) {
        previous = ctx.repo.spec();
        ctx.repo.saveSpec(spec);
    }

    @Override
    public void compensate(StepContext sc) {
        previous.ifPresent(ctx.repo::saveSpec);
    }
}
