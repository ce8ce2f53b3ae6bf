package io.turnout.ui.shell;

import io.turnout.activity.OperationSnapshot;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The activity drawer: operations newest first, replaced as a whole each tick (they are few). The
 * chosen operation is kept by id, so the list and the log pane show the same one across ticks;
 * selection changes the list reports while it is being replaced are ignored.
 */
public final class ActivityViewModel {

    private static final long NONE = -1;

    private final ObservableList<OperationSnapshot> operations = FXCollections.observableArrayList();
    private final BooleanProperty open = new SimpleBooleanProperty();
    private final IntegerBinding running = Bindings.createIntegerBinding(
            () -> (int) operations.stream().filter(OperationSnapshot::running).count(), operations);
    private final ReadOnlyObjectWrapper<OperationSnapshot> selected = new ReadOnlyObjectWrapper<>();
    private final ObservableValue<String> log = selected.map(ActivityViewModel::logOf).orElse("");
    private long selectedId = NONE;
    private boolean applying;

    public void apply(List<OperationSnapshot> snapshot) {
        applying = true;
        try {
            operations.setAll(snapshot);
        } finally {
            applying = false;
        }
        selected.set(find(selectedId));
    }

    /** The operator chose {@code id} (or nothing, with a negative id). Ignored while a tick replaces the list. */
    public void select(long id) {
        if (applying) {
            return;
        }
        selectedId = id;
        selected.set(find(id));
    }

    private OperationSnapshot find(long id) {
        return operations.stream().filter(o -> o.id() == id).findFirst().orElse(null);
    }

    /** The chosen operation's latest snapshot; null when none is chosen or it has gone from the list. */
    public ReadOnlyObjectProperty<OperationSnapshot> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The chosen operation's log, with the failure reason at the end. */
    public ObservableValue<String> logText() {
        return log;
    }

    private static String logOf(OperationSnapshot op) {
        return String.join("\n", op.log()) + (op.failure() == null ? "" : "\n\nFailed: " + op.failure());
    }

    public ObservableList<OperationSnapshot> operations() {
        return operations;
    }

    public IntegerBinding runningCount() {
        return running;
    }

    public BooleanProperty openProperty() {
        return open;
    }

    public void toggle() {
        open.set(!open.get());
    }
}
