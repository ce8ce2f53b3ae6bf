package io.turnout.ui.stack.upgrade;

import io.turnout.plan.PlanResult;
import io.turnout.ui.stack.run.RunViewModel;

/** The upgrade summary's headline. Pure apart from reading the finished run. */
final class Summaries {

    private Summaries() {
    }

    static String sentence(RunViewModel run, String service, String color, String version, SwitchMode mode) {
        PlanResult r = run.resultProperty().get();
        if (r == null || !r.succeeded()) {
            return run.outcomeProperty().get();
        }
        return mode.switches()
                ? service + " now serves " + version + " from " + color + ". " + run.outcomeProperty().get()
                : color + " runs " + version + " as standby; switch traffic from the stack view when you are ready. "
                        + run.outcomeProperty().get();
    }
}
