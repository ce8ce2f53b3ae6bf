package io.turnout.ui.detail;

import io.turnout.docker.LogLine;
import io.turnout.ui.common.Batcher;
import io.turnout.ui.common.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Live log tail of one container: lines arrive on the engine's thread, are batched and appended
 * once per tick on the FX thread, and kept in a bounded buffer. Search highlights matches and,
 * with {@link #onlyMatchesProperty()}, filters to them.
 */
public final class LogTailViewModel {

    public static final int DEFAULT_CAPACITY = 5_000;
    public static final int TAIL = 200;

    /** {@code DockerHost::logs}, narrowed so tests can feed lines by hand. */
    @FunctionalInterface
    public interface LogSource {
        AutoCloseable open(String containerId, int tail, boolean follow, Consumer<LogLine> sink) throws Exception;
    }

    private final LogSource source;
    private final TaskRunner runner;
    private final String containerId;
    private final int capacity;
    private final Batcher<LogLine> batcher;
    private final ObservableList<LogLine> lines = FXCollections.observableArrayList();
    private final FilteredList<LogLine> shown = new FilteredList<>(lines);
    private final StringProperty search = new SimpleStringProperty("");
    private final BooleanProperty onlyMatches = new SimpleBooleanProperty();
    private final BooleanProperty follow = new SimpleBooleanProperty(true);
    private final ReadOnlyIntegerWrapper matches = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private AutoCloseable stream;
    private boolean stopped = true;

    public LogTailViewModel(LogSource source, TaskRunner runner, Executor fx, String containerId, int capacity) {
        this.source = source;
        this.runner = runner;
        this.containerId = containerId;
        this.capacity = capacity;
        this.batcher = new Batcher<>(fx, this::append);
        search.subscribe(this::refilter);
        onlyMatches.subscribe(this::refilter);
    }

    public void start() {
        if (!stopped) {
            return;
        }
        stopped = false;
        status.set("Connecting to log stream…");
        runner.run(() -> source.open(containerId, TAIL, true, batcher::add), handle -> {
            if (stopped) {
                closeQuietly(handle);
            } else {
                stream = handle;
                status.set("Following");
            }
        }, e -> status.set("Log stream failed: " + e.getMessage()));
    }

    public void stop() {
        stopped = true;
        closeQuietly(stream);
        stream = null;
        status.set("Paused while hidden");
    }

    /** Appends one batch, dropping the oldest lines past the capacity. */
    void append(List<LogLine> batch) {
        lines.addAll(batch);
        if (lines.size() > capacity) {
            lines.remove(0, lines.size() - capacity);
        }
        countMatches();
    }

    public boolean matches(LogLine line) {
        String q = search.get();
        return q != null && !q.isBlank() && line.text().toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT));
    }

    private void refilter() {
        boolean filtering = onlyMatches.get() && search.get() != null && !search.get().isBlank();
        shown.setPredicate(filtering ? this::matches : null);
        countMatches();
    }

    private void countMatches() {
        matches.set(search.get() == null || search.get().isBlank() ? 0 : (int) lines.stream().filter(this::matches).count());
    }

    public void clear() {
        lines.clear();
        countMatches();
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // closing a log stream that already ended is not worth telling the operator
        }
    }

    public ObservableList<LogLine> allLines() { return FXCollections.unmodifiableObservableList(lines); }
    public ObservableList<LogLine> shownLines() { return shown; }
    public StringProperty searchProperty() { return search; }
    public BooleanProperty onlyMatchesProperty() { return onlyMatches; }
    public BooleanProperty followProperty() { return follow; }
    public ReadOnlyIntegerProperty matchCountProperty() { return matches.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
}
