package io.turnout.release;

import io.turnout.plan.Plan;
import io.turnout.plan.Step;
import io.turnout.plan.StepContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A migration run whose console died, rebuilt from its journal so the stack is not left blocked:
 * only the router's maintenance steps are real (rolling back turns maintenance off again); every
 * other step refuses to resume, because the migrations folder lives on the console that started
 * it. {@code turnout migrate run} continues a migration safely (Flyway skips what was applied).
 */
final class InterruptedMigration {

    private InterruptedMigration() {
    }

    static Plan plan(ReleaseContext ctx, Map<String, String> p) {
        List<Step> steps = new ArrayList<>();
        for (String id : Arrays.asList(p.getOrDefault("steps", "").split(","))) {
            switch (id) {
                case "maintenance-on" -> steps.add(new MaintenanceStep(ctx, true));
                case "maintenance-off" -> steps.add(new MaintenanceStep(ctx, false));
                default -> steps.add(new Placeholder(id));
            }
        }
        return new Plan("migrate", "Interrupted migration of " + p.getOrDefault("database", "the stack's database"), p, steps);
    }

    private record Placeholder(String id) implements Step {
        @Override
        public String title() {
            return "Migration step '" + id + "' (run from another console)";
        }

        @Override
        public void apply(StepContext ctx) {
            throw new IllegalStateException("A migration cannot be resumed from its journal: roll it back (ends maintenance), then run"
                    + " 'turnout migrate run' again; Flyway applies only what is still pending.");
        }
    }
}
