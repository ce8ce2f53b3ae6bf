package io.turnout.ui.stack.run;

import io.turnout.plan.Step;

/**
 * The executor waits before a dangerous step until the operator answers.
 *
 * @param title  the step's title, read on the executor's thread
 * @param action the go button's text, named after what the step does ("Switch traffic to green")
 */
public record GateQuestion(String title, String action) {

    /** Blocking (a title may read state): on the executor's thread. */
    static GateQuestion of(Step step) {
        String title = StepPreview.title(step);
        return new GateQuestion(title, actionFor(step.id(), title));
    }

    /** A short button text for a step: "Switch traffic to green", "Roll back to blue", else the step's title. */
    public static String actionFor(Step step) {
        return actionFor(step.id(), StepPreview.title(step));
    }

    static String actionFor(String id, String title) {
        int to = id.lastIndexOf("-to-");
        if (id.startsWith("switch-") && to > 0) {
            String color = id.substring(to + 4);
            return title.startsWith("Roll back") ? "Roll back to " + color : "Switch traffic to " + color;
        }
        if (id.startsWith("remove-")) {
            int dash = id.lastIndexOf('-');
            return "Remove " + id.substring(dash + 1);
        }
        if (id.equals("maintenance-on")) {
            return "Start maintenance";
        }
        if (id.equals("maintenance-off")) {
            return "End maintenance";
        }
        return title;
    }
}
