package io.turnout.plan;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The sentences an operator reads when a run did not succeed. Steps are numbered from 1 here, as
 * the GUI and the CLI show them; indices in the API and the journal stay 0-based.
 */
final class RunSentences {

    private RunSentences() {
    }

    /** "step 3 (Switch traffic to green)" */
    static String step(Plan plan, int index) {
        return "step " + (index + 1) + " (" + plan.steps().get(index).title() + ")";
    }

    /** The first non-blank message along the cause chain, first line only, without a final period. */
    static String of(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = c.getMessage();
            if (m != null && !m.isBlank()) {
                String line = m.strip().lines().findFirst().orElse(m).strip();
                return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
            }
        }
        return t.getClass().getSimpleName();
    }

    /** How the undo went, to follow "Step 3 (...) failed: cause; " in a result's error. */
    static String undone(Plan plan, int top, int pointOfNoReturn, Compensation.Outcome outcome) {
        String kept = pointOfNoReturn < 0 ? ""
                : "it came after the point of no return at " + step(plan, pointOfNoReturn) + ", ";
        String text;
        if (outcome.undone().isEmpty() && outcome.failures().isEmpty()) {
            text = pointOfNoReturn >= 0 ? kept + "so nothing was undone"
                    : top < 0 ? "nothing had been changed" : "nothing was undone";
        } else {
            text = kept + (outcome.undone().isEmpty() ? "nothing was undone" : "undid " + numbers(outcome.undone()));
            if (pointOfNoReturn >= 0) {
                text += " and kept step " + (pointOfNoReturn + 1) + " and earlier";
            }
        }
        if (!outcome.failures().isEmpty()) {
            text += "; could not undo " + outcome.failures().entrySet().stream()
                    .map(f -> step(plan, f.getKey()) + ": " + f.getValue())
                    .collect(Collectors.joining("; ")) + " (check by hand)";
        }
        return text;
    }

    private static String numbers(List<Integer> indices) {
        String list = indices.stream().map(i -> String.valueOf(i + 1)).collect(Collectors.joining(", "));
        return (indices.size() == 1 ? "step " : "steps ") + list;
    }
}
