package io.turnout.ui.stack.run;

import io.turnout.plan.PlanResult;
import io.turnout.plan.StepStatus;

import java.util.List;
import java.util.Locale;

/** How a finished run reads in one sentence. Pure. */
final class Outcomes {

    private Outcomes() {
    }

    static String sentence(PlanResult r, List<StepItem> steps) {
        String at = stepName(r.failedStep(), steps);
        String took = String.format(Locale.ROOT, "%.1f s", r.took() == null ? 0 : r.took().toMillis() / 1000.0);
        boolean undoFailed = r.steps().contains(StepStatus.COMPENSATION_FAILED);
        String undo = undoFailed ? " Undoing it failed too: check the environments before anything else."
                : r.steps().contains(StepStatus.COMPENSATED) ? " What it had applied was undone." : "";
        return switch (r.status()) {
            case SUCCEEDED -> "Done in " + took + ".";
            case FAILED -> "Failed at " + at + ": " + error(r) + undo;
            case ABORTED -> "Aborted at " + at + ": " + error(r) + undo;
            case STOPPED -> "Stopped before " + at + "; nothing after it ran.";
            case REFUSED -> "Not started: " + error(r);
        };
    }

    /** A roll-back of an interrupted release: ABORTED with nothing left half-undone is what was asked for. */
    static String undone(PlanResult r, List<StepItem> steps) {
        if (fullyUndone(r)) {
            return String.format(Locale.ROOT, "Rolled back in %.1f s: what the interrupted release had applied was undone.",
                    r.took() == null ? 0 : r.took().toMillis() / 1000.0);
        }
        return sentence(r, steps);
    }

    static boolean fullyUndone(PlanResult r) {
        return (r.status() == PlanResult.Status.ABORTED || r.succeeded()) && !r.steps().contains(StepStatus.COMPENSATION_FAILED);
    }

    private static String error(PlanResult r) {
        String e = r.error() == null || r.error().isBlank() ? "no reason given" : r.error().strip();
        return e.endsWith(".") ? e : e + ".";
    }

    private static String stepName(int index, List<StepItem> steps) {
        if (index < 0) {
            return "the start";
        }
        return "step " + (index + 1) + (index < steps.size() ? " (" + steps.get(index).title() + ")" : "");
    }
}
