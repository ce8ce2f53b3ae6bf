package io.turnout.migrate;

import io.turnout.plan.Step;
import io.turnout.plan.StepContext;

import java.util.List;

/** {@code flyway validate} before anything changes: applied migrations must match their files. */
final class ValidateStep implements Step {

    private final MigrationRun run;

    ValidateStep(MigrationRun run) {
        this.run = run;
    }

    @Override
    public String id() {
        return "flyway-validate";
    }

    @Override
    public String title() {
        return "Validate the applied migrations of " + run.target.url().database() + " against their files (flyway validate)";
    }

    @Override
    public void apply(StepContext ctx) {
        List<String> problems = run.flyway.validate(false);
        if (!problems.isEmpty()) {
            throw new MigrationException("Flyway validation failed: " + String.join("; ", problems)
                    + ". Fix the files or run 'turnout migrate repair' first.");
        }
        ctx.log("Applied migrations match their files.");
    }
}
