package io.turnout.migrate;

import io.turnout.plan.Step;
import io.turnout.plan.StepContext;

import java.util.List;

/** Proves the run's end state: flyway info shows no pending and no failed migration. */
final class VerifyStep implements Step {

    private final MigrationRun run;

    VerifyStep(MigrationRun run) {
        this.run = run;
    }

    @Override
    public String id() {
        return "verify";
    }

    @Override
    public String title() {
        return "Verify: no pending or failed migration left in " + run.target.url().database();
    }

    @Override
    public void apply(StepContext ctx) {
        List<MigrationRow> rows = run.flyway.info();
        List<String> left = rows.stream().filter(r -> r.pending() || r.failed())
                .map(r -> r.script() + " is " + r.state()).toList();
        if (!left.isEmpty()) {
            throw new MigrationException("After migrating, " + String.join(", ", left) + ".");
        }
        MigrationRow current = rows.isEmpty() ? null : rows.getLast();
        ctx.log("Schema at version " + (current == null ? "(none)" : current.version()) + "; nothing pending.");
    }
}
