package io.turnout.ui.stack.run;

import atlantafx.base.theme.Styles;
import io.turnout.ui.common.Icons;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

/** Binds a plan dialog: heading, planning spinner or error, the run pane, and the named action button. */
public final class PlanDialogController {

    private final PlanDialogViewModel vm;
    private final RunPaneController runPane;

    @FXML private VBox root;
    @FXML private Label heading;
    @FXML private ProgressIndicator planning;
    @FXML private Label error;
    @FXML private VBox runBox;
    @FXML private Button action;
    @FXML private Button close;

    public PlanDialogController(PlanDialogViewModel vm, RunPaneController runPane) {
        this.vm = vm;
        this.runPane = runPane;
    }

    @FXML
    private void initialize() {
        heading.textProperty().bind(vm.headingProperty());
        planning.visibleProperty().bind(vm.planningProperty());
        planning.managedProperty().bind(planning.visibleProperty());
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.getStyleClass().add(Styles.DANGER);
        runPane.hideTitle();
        runBox.getChildren().add(runPane.root());
        VBox.setVgrow(runPane.root(), Priority.ALWAYS);

        RunViewModel run = vm.run();
        action.setText(vm.actionLabel());
        action.setGraphic(Icons.of(Feather.PLAY));
        action.getStyleClass().add(Styles.DANGER);
        action.disableProperty().bind(vm.canStart().not());
        action.visibleProperty().bind(run.phaseProperty().map(p -> p == RunViewModel.Phase.PREVIEW));
        action.managedProperty().bind(action.visibleProperty());
        action.setOnAction(e -> vm.start());
        close.textProperty().bind(run.phaseProperty().map(p -> p == RunViewModel.Phase.PREVIEW ? "Cancel" : "Close"));
        close.disableProperty().bind(run.phaseProperty().map(p -> p == RunViewModel.Phase.RUNNING));
        close.setOnAction(e -> window().hide());
        run.gateProperty().subscribe(g -> runPane.focusGate());
    }

    private Window window() {
        return root.getScene().getWindow();
    }

    public PlanDialogViewModel viewModel() {
        return vm;
    }
}
