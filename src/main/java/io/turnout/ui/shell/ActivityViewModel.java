package io.turnout.ui.shell;

import io.turnout.activity.OperationSnapshot;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/** The activity drawer: operations newest first, replaced as a whole each tick (they are few). */
public final class ActivityViewModel {

    private final ObservableList<OperationSnapshot> operations = FXCollections.observableArrayList();
    private final BooleanProperty open = new SimpleBooleanProperty();
    private final IntegerBinding running = Bindings.createIntegerBinding(
            () -> (int) operations.stream().filter(OperationSnapshot::running).count(), operations);

    public void apply(List<OperationSnapshot> snapshot) {
        operations.setAll(snapshot);
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
