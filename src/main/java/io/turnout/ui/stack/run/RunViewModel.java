package io.turnout.ui.stack.run;

import io.turnout.activity.ActivityLog;
import io.turnout.activity.Operation;
import io.turnout.plan.ExecutionControl;
import io.turnout.plan.Gate;
import io.turnout.plan.PlanResult;
import io.turnout.plan.RunOptions;
import io.turnout.probe.ProbeReport;
import io.turnout.ui.common.TaskRunner;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * One plan run as the wizard and the switch/rollback dialogs show it: the steps (a preview before
 * it starts), their live status and log, the switch probe's running figures, a pending gate
 * question, and the outcome. The run itself goes through the {@link TaskRunner}; progress arrives
 * batched through {@link PlanEvents}; the run is registered with the {@link ActivityLog}. FX thread only.
 */
public final class RunViewModel {

    public enum Phase { PREVIEW, RUNNING, FINISHED }

    public static final int MAX_LOG_LINES = 2000;

    private final TaskRunner runner;
    private final Executor fx;
    private final ActivityLog activity;
    private final String target;
    private final ObservableList<StepItem> steps = FXCollections.observableArrayList();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    // One read-only view each, kept: a view made per call is collected together with the listeners added to it.
    private final ObservableList<StepItem> stepsView = FXCollections.unmodifiableObservableList(steps);
    private final ObservableList<String> logView = FXCollections.unmodifiableObservableList(log);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.PREVIEW);
    private final ReadOnlyObjectWrapper<ProbeReport> probe = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Object> detail = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PlanResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<GateQuestion> gate = new ReadOnlyObjectWrapper<>();
    /** Stands in for a step index the run never announced (should not happen); swallows its events. */
    private static final StepPreview UNKNOWN = new StepPreview("unknown", "unknown step", List.of(), false, false);
    private final ExecutionControl control = new ExecutionControl();
    private CompletableFuture<Boolean> pendingAnswer;
    private Operation operation;
    private boolean undoing;

    /**
     * @param fx     where listener batches and gate questions are handed over: {@code Platform::runLater}, or the
     *               test's own executor
     * @param target the host's label, shown next to the run in the activity drawer
     */
    public RunViewModel(TaskRunner runner, Executor fx, ActivityLog activity, String target) {
        this.runner = runner;
        this.fx = fx;
        this.activity = activity;
        this.target = target;
    }

    /** The preview: lists the plan's steps, all pending (built off the FX thread by {@link StepPreview.PlanPreview#of}). */
    public void show(StepPreview.PlanPreview preview) {
        title.set(preview.plan().title());
        steps.setAll(preview.steps().stream().map(StepItem::new).toList());
    }

    /**
     * Starts the run on the task runner.
     *
     * @param name      what the activity drawer calls it (usually the plan's title)
     * @param askAtGate ask before each dangerous step ({@link #gateProperty()}); false when the operator already
     *                  confirmed by starting, or chose to switch automatically
     * @param run       the blocking call, e.g. {@code o -> ops.execute(plan, o)}; receives the GUI's options
     */
    public void start(String name, boolean askAtGate, Function<RunOptions, PlanResult> run) {
        start(name, askAtGate, false, run);
    }

    /**
     * @param undoing the run rolls back an interrupted release: the engine ends such a run ABORTED once
     *                everything is compensated, which is the success the operator asked for
     */
    public void start(String name, boolean askAtGate, boolean undoing, Function<RunOptions, PlanResult> run) {
        if (phase.get() != Phase.PREVIEW) {
            throw new IllegalStateException("Already " + phase.get().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (title.get().isEmpty()) {
            title.set(name);
        }
        phase.set(Phase.RUNNING);
        this.undoing = undoing;
        operation = activity.start(name, target);
        Gate gate = askAtGate ? new FxGate(fx, this::ask) : Gate.AUTO;
        RunOptions options = RunOptions.simple("gui").withListener(new PlanEvents(fx, this::apply, operation, steps.size()))
                .withGate(gate).withControl(control);
        runner.run(() -> run.apply(options), this::finish, this::failed);
    }

    /** Asks the executor to stop: the current step is interrupted and what applied is compensated. */
    public void abort() {
        if (phase.get() == Phase.RUNNING) {
            control.abort("Aborted by the operator from the console.");
            answer(false);
        }
    }

    /** The operator's answer to {@link #gateProperty()}: true runs the step, false stops the plan before it. */
    public void answer(boolean go) {
        CompletableFuture<Boolean> pending = pendingAnswer;
        pendingAnswer = null;
        gate.set(null);
        if (pending != null) {
            pending.complete(go);
        }
    }

    private void ask(GateQuestion question, CompletableFuture<Boolean> answer) {
        if (phase.get() != Phase.RUNNING || control.aborted()) {
            answer.complete(false);
            return;
        }
        pendingAnswer = answer;
        gate.set(question);
    }

    void apply(List<RunEvent> batch) {
        for (RunEvent e : batch) {
            switch (e) {
                case RunEvent.Started s -> item(s.index(), s.step()).started(s.step().title());
                case RunEvent.Log l -> {
                    item(l.index(), null).log(l.line());
                    log.add("[" + (l.index() + 1) + "] " + l.line());
                }
                case RunEvent.Progress p -> item(p.index(), null).progress(p.fraction());
                case RunEvent.Detail d -> {
                    if (d.detail() instanceof ProbeReport r) {
                        probe.set(r);
                    } else {
                        detail.set(d.detail());
                    }
                }
                case RunEvent.Finished f -> item(f.index(), null).finished(f.title(), f.status(), f.took(), f.error());
                case RunEvent.PlanDone done -> finish(done.result());
            }
        }
        if (log.size() > MAX_LOG_LINES) {
            log.remove(0, log.size() - MAX_LOG_LINES);
        }
    }

    /** The step at {@code index}; a resumed run (no preview) learns its steps as they start. */
    private StepItem item(int index, StepPreview step) {
        while (steps.size() <= index && step != null) {
            steps.add(new StepItem(step)); // a gap (should not happen) shows the started step's words
        }
        return index < steps.size() ? steps.get(index) : new StepItem(UNKNOWN);
    }

    private void finish(PlanResult r) {
        if (phase.get() == Phase.FINISHED) {
            return;
        }
        answer(false);
        result.set(r);
        outcome.set(undoing ? Outcomes.undone(r, steps) : Outcomes.sentence(r, steps));
        phase.set(Phase.FINISHED);
        if (r.succeeded() || undoing && Outcomes.fullyUndone(r)) {
            operation.succeed();
        } else {
            operation.fail(outcome.get());
        }
    }

    private void failed(Throwable t) {
        if (phase.get() == Phase.FINISHED) {
            return;
        }
        answer(false);
        String message = t.getMessage() == null ? t.toString() : t.getMessage();
        outcome.set("Could not run: " + message);
        phase.set(Phase.FINISHED);
        operation.fail(outcome.get());
    }

    public ObservableList<StepItem> steps() { return stepsView; }
    public ObservableList<String> log() { return logView; }
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Phase> phaseProperty() { return phase.getReadOnlyProperty(); }
    /** The switch probe's latest figures while traffic moves; its final report afterwards; null before. */
    public ReadOnlyObjectProperty<ProbeReport> probeProperty() { return probe.getReadOnlyProperty(); }
    /** The latest detail a step published that is not the probe's (e.g. a migration's lock waits); null before. */
    public ReadOnlyObjectProperty<Object> detailProperty() { return detail.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<PlanResult> resultProperty() { return result.getReadOnlyProperty(); }
    /** One sentence on how it ended, "" before. */
    public ReadOnlyStringProperty outcomeProperty() { return outcome.getReadOnlyProperty(); }
    /** Non-null while the executor waits for the operator before a dangerous step. */
    public ReadOnlyObjectProperty<GateQuestion> gateProperty() { return gate.getReadOnlyProperty(); }
}
