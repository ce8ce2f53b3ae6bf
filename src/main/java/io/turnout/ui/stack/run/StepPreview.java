package io.turnout.ui.stack.run;

import io.turnout.plan.Plan;
import io.turnout.plan.Step;

import java.util.List;

/**
 * What the operator reads about a step, taken off the FX thread: a step's title and details may
 * read the stack's state over SFTP and ask the router for its diff.
 */
public record StepPreview(String id, String title, List<String> details, boolean dangerous, boolean pointOfNoReturn) {

    public StepPreview {
        details = List.copyOf(details);
    }

    /** Blocking: call on a background thread (the planning task or the executor's thread). */
    public static StepPreview of(Step step) {
        return new StepPreview(step.id(), title(step), step.details(), step.dangerous(), step.pointOfNoReturn());
    }

    /** The step's title now (it may name what runs where), or its id when it cannot say. */
    static String title(Step step) {
        try {
            return step.title();
        } catch (RuntimeException e) {
            return step.id();
        }
    }

    /** A plan and its steps as the preview shows them; built by the planning task, shown on the FX thread. */
    public record PlanPreview(Plan plan, List<StepPreview> steps) {

        public PlanPreview {
            steps = List.copyOf(steps);
        }

        /** Blocking, like {@link StepPreview#of}. */
        public static PlanPreview of(Plan plan) {
            return new PlanPreview(plan, plan.steps().stream().map(StepPreview::of).toList());
        }
    }
}
