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
        // Items are replaced each tick; keep showing the operation with the same id.
        final long[] chosen = {-1};
        operations.getSelectionModel().selectedItemProperty().subscribe(op -> {
            if (op != null) {
                chosen[0] = op.id();
            }
            showLog(op);
        });
        vm.operations().subscribe(() -> vm.operations().stream().filter(o -> o.id() == chosen[0]).findFirst()
                .ifPresentOrElse(o -> operations.getSelectionModel().select(o), () -> operations.getSelectionModel().selectFirst()));
    }

    private void showLog(OperationSnapshot op) {
        log.setText(op == null ? "" : String.join("\n", op.log()) + (op.failure() == null ? "" : "\n\nFailed: " + op.failure()));
        log.positionCaret(log.getLength());
    }

    public void focus() {
        operations.requestFocus();
        if (operations.getSelectionModel().isEmpty() && !operations.getItems().isEmpty()) {
            operations.getSelectionModel().select(0);
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
