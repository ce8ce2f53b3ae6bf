package io.turnout.ui.stack.run;

import io.turnout.plan.StepStatus;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * One step as the run pane lists it: details and markers from the preview; title (it may name
 * what now runs where), status, progress, last log line and outcome change while it runs. FX thread only.
 */
public final class StepItem {

    private final String id;
    private final ReadOnlyStringWrapper title;
    private final List<String> details;
    private final boolean dangerous;
    private final boolean pointOfNoReturn;
    private final ReadOnlyObjectWrapper<StepStatus> status = new ReadOnlyObjectWrapper<>(StepStatus.PENDING);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper lastLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");

    StepItem(StepPreview step) {
        this.id = step.id();
        this.title = new ReadOnlyStringWrapper(step.title());
        this.details = List.copyOf(step.details());
        this.dangerous = step.dangerous();
        this.pointOfNoReturn = step.pointOfNoReturn();
    }

    public String id() { return id; }
    public String title() { return title.get(); }
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
    public List<String> details() { return details; }
    /** Changes what users see (traffic, availability). */
    public boolean dangerous() { return dangerous; }
    /** Cannot be undone by compensation. */
    public boolean pointOfNoReturn() { return pointOfNoReturn; }

    public ReadOnlyObjectProperty<StepStatus> statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty lastLineProperty() { return lastLine.getReadOnlyProperty(); }
    /** "done in 2.1 s", "failed after 30.0 s: health gate timed out", "" while pending. */
    public ReadOnlyStringProperty outcomeProperty() { return outcome.getReadOnlyProperty(); }

    void started(String now) {
        title.set(now);
        status.set(StepStatus.RUNNING);
    }

    void log(String line) {
        lastLine.set(line);
    }

    void progress(double fraction) {
        progress.set(fraction);
    }

    void finished(String now, StepStatus next, Duration took, String error) {
        title.set(now);
        status.set(next);
        progress.set(next == StepStatus.DONE ? 1 : progress.get());
        String verb = next.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String time = took == null ? "" : String.format(Locale.ROOT, " in %.1f s", took.toMillis() / 1000.0);
        outcome.set(verb + time + (error == null || error.isBlank() ? "" : ": " + error));
    }
}
