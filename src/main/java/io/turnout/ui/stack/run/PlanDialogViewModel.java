package io.turnout.ui.stack.run;

import io.turnout.plan.Plan;
import io.turnout.plan.PlanResult;
import io.turnout.plan.RunOptions;
import io.turnout.ui.common.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.concurrent.Callable;
import java.util.function.BiFunction;

/**
 * A plan dialog (switch traffic, roll back, remove standby, resume or roll back an interrupted
 * release): builds the plan off the FX thread for the preview, then runs it when the operator
 * presses the button that says what it does. FX thread only.
 */
public final class PlanDialogViewModel {

    private final String actionLabel;
    private final RunViewModel run;
    private final TaskRunner runner;
    private final Callable<Plan> planner;
    private final BiFunction<Plan, RunOptions, PlanResult> executor;
    private final boolean askAtGates;
    private boolean undoing;
    private final ReadOnlyStringWrapper heading;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper planning = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Plan> plan = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canStart;

    /**
     * @param heading     what the dialog is about, shown until the plan's own title replaces it
     * @param actionLabel the start button's text, e.g. "Switch traffic to green"
     * @param planner     blocking; builds the preview ({@code () -> ops.planSwitch("web", GREEN)}); null when the run
     *                    rebuilds its own plan (resuming an interrupted release): its steps appear as they start
     * @param executor    blocking; runs the plan ({@code ops::execute}); receives null as the plan without a planner
     * @param askAtGates  ask before dangerous steps the operator has not seen yet (resumed runs); false when the start
     *                    button already said what the dangerous step does
     */
    public PlanDialogViewModel(String heading, String actionLabel, RunViewModel run, TaskRunner runner, Callable<Plan> planner,
                               BiFunction<Plan, RunOptions, PlanResult> executor, boolean askAtGates) {
        this.heading = new ReadOnlyStringWrapper(heading);
        this.actionLabel = actionLabel;
        this.run = run;
        this.runner = runner;
        this.planner = planner;
        this.executor = executor;
        this.askAtGates = askAtGates;
        this.canStart = Bindings.createBooleanBinding(() -> run.phaseProperty().get() == RunViewModel.Phase.PREVIEW
                && !planning.get() && error.get().isEmpty() && (planner == null || plan.get() != null),
                run.phaseProperty(), planning, error, plan);
    }

    /** This dialog rolls back an interrupted release (its run ends ABORTED when everything was undone). */
    public PlanDialogViewModel undoing() {
        this.undoing = true;
        return this;
    }

    /** Builds the preview (when there is a planner); errors appear in {@link #errorProperty()}. */
    public void load() {
        if (planner == null) {
            return;
        }
        planning.set(true);
        runner.run(() -> StepPreview.PlanPreview.of(planner.call()), p -> {
            planning.set(false);
            plan.set(p.plan());
            heading.set(p.plan().title());
            run.show(p);
        }, e -> {
            planning.set(false);
            error.set("Cannot plan this: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        });
    }

    /** The operator pressed the action button. */
    public void start() {
        if (!canStart().get()) {
            return;
        }
        Plan p = plan.get();
        run.start(p == null ? heading.get() : p.title(), askAtGates, undoing, o -> executor.apply(p, o));
    }

    /** Ready: the preview is there (or none is needed) and the run has not started. */
    public BooleanBinding canStart() {
        return canStart;
    }

    public String actionLabel() { return actionLabel; }
    public RunViewModel run() { return run; }
    public ReadOnlyStringProperty headingProperty() { return heading.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty planningProperty() { return planning.getReadOnlyProperty(); }

    /** Closing is safe unless the run is in progress (abort first). */
    public boolean canClose() {
        return run.phaseProperty().get() != RunViewModel.Phase.RUNNING;
    }
}
