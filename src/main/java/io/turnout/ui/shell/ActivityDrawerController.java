package io.turnout.ui.shell;

import atlantafx.base.theme.Styles;
import io.turnout.activity.OperationSnapshot;
import io.turnout.activity.OperationStatus;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The activity drawer: operations with progress on the left, the chosen one's log on the right. */
public final class ActivityDrawerController {

    private final ActivityViewModel vm;
    private boolean mirroring;

    @FXML private VBox root;
    @FXML private ListView<OperationSnapshot> operations;
    @FXML private TextArea log;

    public ActivityDrawerController(ActivityViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        root.visibleProperty().bind(vm.openProperty());
        root.managedProperty().bind(vm.openProperty());
        operations.setItems(vm.operations());
        operations.setCellFactory(l -> new OperationCell());
        // The view-model keeps the choice by id; the list only mirrors it.
        operations.getSelectionModel().selectedItemProperty().subscribe(op -> {
            if (!mirroring && op != null) {
                vm.select(op.id());
            }
        });
        vm.selectedProperty().subscribe(this::mirror);
        vm.operations().subscribe(() -> mirror(vm.selectedProperty().get()));
        vm.logText().subscribe(text -> {
            log.setText(text);
            log.positionCaret(log.getLength());
        });
    }

    private void mirror(OperationSnapshot op) {
        mirroring = true;
        try {
            if (op == null) {
                operations.getSelectionModel().clearSelection();
            } else if (operations.getSelectionModel().getSelectedItem() != op) {
                operations.getSelectionModel().select(op);
            }
        } finally {
            mirroring = false;
        }
    }

    public void focus() {
        operations.requestFocus();
        if (vm.selectedProperty().get() == null && !operations.getItems().isEmpty()) {
            vm.select(operations.getItems().getFirst().id());
        }
    }

    private static final class OperationCell extends ListCell<OperationSnapshot> {
        private final Label title = new Label();
        private final Label detail = new Label();
        private final ProgressBar progress = new ProgressBar();
        private final VBox box = new VBox(4, new HBox(8, title, detail), progress);

        OperationCell() {
            detail.getStyleClass().add(Styles.TEXT_MUTED);
            progress.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(detail, Priority.ALWAYS);
        }

        @Override
        protected void updateItem(OperationSnapshot op, boolean empty) {
            super.updateItem(op, empty);
            if (empty || op == null) {
                setGraphic(null);
                return;
            }
            title.setText(op.title());
            detail.setText(op.target() + " · " + switch (op.status()) {
                case RUNNING -> op.progress() < 0 ? "running" : Math.round(op.progress() * 100) + "%";
                case SUCCEEDED -> "done";
                case FAILED -> "failed";
            });
            progress.setProgress(op.status() == OperationStatus.RUNNING ? op.progress() : 1);
            progress.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            if (op.status() != OperationStatus.RUNNING) {
                progress.getStyleClass().add(op.status() == OperationStatus.SUCCEEDED ? Styles.SUCCESS : Styles.DANGER);
            }
            setGraphic(box);
        }
    }
}
