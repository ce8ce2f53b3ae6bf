package io.turnout.ui.stack;

import io.turnout.release.InterruptedRun;
import io.turnout.release.StackOperations;
import io.turnout.release.StackStatus;
import io.turnout.stack.HistoryEntry;
import io.turnout.stack.LockInfo;
import io.turnout.ui.common.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The stack view: one status read (router, maintenance, lock, interrupted release, environment
 * cards) and the history, both read through the {@link TaskRunner} — on open, after every
 * operation and on the view's timer. Reads never overlap; an unchanged read changes nothing, so
 * the cards are not redrawn every few seconds. FX thread only.
 */
public final class StackViewModel {

    static final int HISTORY_LIMIT = 50;

    private final String stack;
    private final Supplier<StackOperations> ops;
    private final TaskRunner runner;
    private final ZoneId zone;
    private final ObservableList<ServiceItem> services = FXCollections.observableArrayList();
    private final ObservableList<HistoryRow> history = FXCollections.observableArrayList();
    // One read-only view each, kept: a view made per call is collected together with the listeners added to it.
    private final ObservableList<ServiceItem> servicesView = FXCollections.unmodifiableObservableList(services);
    private final ObservableList<HistoryRow> historyView = FXCollections.unmodifiableObservableList(history);
    private final ReadOnlyObjectWrapper<StackStatus> status = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper router = new ReadOnlyStringWrapper("router: …");
    private final ReadOnlyBooleanWrapper routerHealthy = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper maintenance = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper lock = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper locked = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<InterruptedRun> interrupted = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper unmanaged = new ReadOnlyBooleanWrapper();
    private HistoryEntry newestKnown;
    private boolean historyWanted = true;
    private boolean readAgain;

    /** @param ops the stack's operations; may block on first use (connecting), so only called inside tasks */
    public StackViewModel(String stack, Supplier<StackOperations> ops, TaskRunner runner, ZoneId zone) {
        this.stack = stack;
        this.ops = ops;
        this.runner = runner;
        this.zone = zone;
    }

    /**
     * Removes someone else's lock (their release is dead): an explicit act the engine records in the
     * history under this operator's name; the view reads again afterwards.
     */
    public void forceReleaseLock() {
        runner.run(() -> ops.get().forceReleaseLock(), released -> refresh(), this::failed);
    }

    /** Reads status and history (the view opened, or an operation finished). */
    public void refresh() {
        historyWanted = true;
        read();
    }

    /**
     * The timer's read: status only, plus the history when the status shows a newer entry than we
     * have. Skipped for a stack Turnout does not manage (a plain compose project): refresh to retry.
     */
    public void poll() {
        if (!unmanaged.get()) {
            read();
        }
    }

    private void read() {
        if (loading.get()) {
            readAgain = true; // e.g. an operation finished while a timer read was under way
            return;
        }
        loading.set(true);
        boolean withHistory = historyWanted;
        HistoryEntry known = newestKnown;
        runner.run(() -> {
            StackOperations o = ops.get();
            StackStatus s = o.status();
            boolean stale = withHistory || !s.recent().isEmpty() && !Objects.equals(newest(s.recent()), known);
            return new Read(s, stale ? o.history(HISTORY_LIMIT) : null);
        }, this::apply, this::failed);
    }

    private record Read(StackStatus status, List<HistoryEntry> history) { }

    private void apply(Read r) {
        loading.set(false);
        error.set("");
        unmanaged.set(false);
        StackStatus s = r.status();
        status.set(s);
        router.set("router: " + s.routerKind() + (s.routerHealthy() ? " · healthy" : " · not answering"));
        routerHealthy.set(s.routerHealthy());
        maintenance.set(s.maintenance());
        locked.set(s.lock().isPresent());
        lock.set(s.lock().map(this::lockText).orElse("free"));
        interrupted.set(s.interrupted().orElse(null));
        List<ServiceItem> next = ServiceItems.of(s, zone);
        if (!next.equals(services)) {
            services.setAll(next);
        }
        if (r.history() != null) {
            historyWanted = false;
            newestKnown = newest(r.history());
            List<HistoryRow> rows = r.history().stream()
                    .sorted(java.util.Comparator.comparing(HistoryEntry::at).reversed())
                    .map(h -> HistoryRow.of(h, zone)).toList();
            if (!rows.equals(history)) {
                history.setAll(rows);
            }
        }
        again();
    }

    private void again() {
        if (readAgain) {
            readAgain = false;
            read();
        }
    }

    private void failed(Throwable t) {
        loading.set(false);
        unmanaged.set(t instanceof IllegalArgumentException); // the engine's "there is no stack X here (stacks: ...)"
        error.set("Cannot read stack " + stack + ": " + (t.getMessage() == null ? t.toString() : t.getMessage()));
        again();
    }

    private String lockText(LockInfo l) {
        return "held by " + l.holder() + " since " + ReleaseText.when(l.since(), zone) + ": " + l.reason();
    }

    private static HistoryEntry newest(List<HistoryEntry> entries) {
        return entries.stream().max(java.util.Comparator.comparing(HistoryEntry::at)).orElse(null);
    }

    /** The stack's operations for the dialogs; blocking on first use, so only inside tasks. */
    public Supplier<StackOperations> operations() { return ops; }
    public String stack() { return stack; }
    public ObservableList<ServiceItem> services() { return servicesView; }
    public ObservableList<HistoryRow> history() { return historyView; }
    public ReadOnlyObjectProperty<StackStatus> statusProperty() { return status.getReadOnlyProperty(); }
    /** "router: haproxy · healthy". */
    public ReadOnlyStringProperty routerProperty() { return router.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty routerHealthyProperty() { return routerHealthy.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty maintenanceProperty() { return maintenance.getReadOnlyProperty(); }
    /** "free", or "held by alice@ws since 2026-11-23 10:15:02: upgrade web to app:v2". */
    public ReadOnlyStringProperty lockProperty() { return lock.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty lockedProperty() { return locked.getReadOnlyProperty(); }
    /** A release whose console went away mid-run; the banner offers to resume or roll it back. */
    public ReadOnlyObjectProperty<InterruptedRun> interruptedProperty() { return interrupted.getReadOnlyProperty(); }
    /** Why the last read failed, "" when it worked. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    /** True when the host has no Turnout state for this stack: only its containers can be shown. */
    public ReadOnlyBooleanProperty unmanagedProperty() { return unmanaged.getReadOnlyProperty(); }
}
