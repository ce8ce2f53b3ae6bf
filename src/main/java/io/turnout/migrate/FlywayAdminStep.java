package io.turnout.migrate;

import io.turnout.plan.Step;
import io.turnout.plan.StepContext;

/**
 * {@code flyway baseline} or {@code flyway repair} as a step, so they preview, confirm and
 * journal like every other change. Both only touch Flyway's history table; neither is undone.
 */
public final class FlywayAdminStep implements Step {

    private final FlywayRunner flyway;
    private final String baselineVersion;

    private FlywayAdminStep(FlywayRunner flyway, String baselineVersion) {
        this.flyway = flyway;
        this.baselineVersion = baselineVersion;
    }

    public static FlywayAdminStep baseline(FlywayRunner flyway, String version) {
        return new FlywayAdminStep(flyway, version);
    }

    public static FlywayAdminStep repair(FlywayRunner flyway) {
        return new FlywayAdminStep(flyway, null);
    }

    @Override
    public String id() {
        return baselineVersion == null ? "flyway-repair" : "flyway-baseline";
    }

    @Override
    public String title() {
        return baselineVersion == null
                ? "Repair Flyway's history in " + flyway.url().database() + ": remove failed rows, realign checksums"
                : "Baseline " + flyway.url().database() + " at version " + baselineVersion + ": later migrations only will run";
    }

    @Override
    public void apply(StepContext ctx) {
        if (baselineVersion != null) {
            flyway.baseline(baselineVersion);
            ctx.log("Baselined at " + baselineVersion + ".");
            return;
        }
        var actions = flyway.repair();
        if (actions.isEmpty()) {
            ctx.log("Nothing to repair.");
        }
        actions.forEach(ctx::log);
    }
}
