package io.turnout.ui.stack.run;

import atlantafx.base.theme.Styles;
import io.turnout.plan.PlanResult;
import io.turnout.ui.common.FxmlLoaderFactory;
import io.turnout.ui.common.Icons;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.util.Map;

/**
 * The live execution pane shared by the upgrade wizard and the switch/rollback dialogs: the step
 * list (a preview before the run), the probe panel, the log, the gate question with a button named
 * after the step, "Abort" while it runs, and the outcome.
 */
public final class RunPaneController {

    private final RunViewModel vm;

    @FXML private VBox root;
    @FXML private HBox header;
    @FXML private Label title;
    @FXML private Button abort;
    @FXML private ListView<StepItem> steps;
    @FXML private TitledPane probeBox;
    @FXML private ListView<String> log;
    @FXML private HBox gateBar;
    @FXML private Label gateText;
    @FXML private Button gateGo;
    @FXML private Button gateStop;
    @FXML private Label outcome;

    public RunPaneController(RunViewModel vm) {
        this.vm = vm;
    }

    /** Loads the pane for {@code vm}; the caller places {@link FxmlLoaderFactory.View#root()} in its window. */
    public static FxmlLoaderFactory.View<RunPaneController> load(RunViewModel vm) {
        return new FxmlLoaderFactory(Map.of(RunPaneController.class, () -> new RunPaneController(vm)))
                .load(RunPaneController.class, "RunPane.fxml", RunPaneController.class);
    }

    @FXML
    private void initialize() {
        title.textProperty().bind(vm.titleProperty());
        steps.setItems(vm.steps());
        steps.setCellFactory(l -> new StepCell());
        log.setItems(vm.log());
        log.getItems().addListener((ListChangeListener<String>) c -> log.scrollTo(log.getItems().size() - 1));
        probeBox.setContent(new ProbePanel(vm.probeProperty()).node());
        // only plans that move traffic run the probe
        probeBox.visibleProperty().bind(Bindings.createBooleanBinding(() -> vm.probeProperty().get() != null
                || vm.steps().stream().anyMatch(StepItem::dangerous), vm.probeProperty(), vm.steps()));
        probeBox.managedProperty().bind(probeBox.visibleProperty());

        abort.setGraphic(Icons.of(Feather.OCTAGON));
        abort.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        abort.visibleProperty().bind(vm.phaseProperty().map(p -> p == RunViewModel.Phase.RUNNING));
        abort.setOnAction(e -> vm.abort());
        header.visibleProperty().bind(title.visibleProperty().or(abort.visibleProperty()));
        header.managedProperty().bind(header.visibleProperty());

        gateBar.visibleProperty().bind(vm.gateProperty().isNotNull());
        gateBar.managedProperty().bind(gateBar.visibleProperty());
        gateText.textProperty().bind(vm.gateProperty().map(g -> "Waiting for you before: " + g.title()).orElse(""));
        gateGo.textProperty().bind(vm.gateProperty().map(GateQuestion::action).orElse(""));
        gateGo.getStyleClass().add(Styles.DANGER);
        gateGo.setDefaultButton(true);
        gateGo.setOnAction(e -> vm.answer(true));
        gateStop.setOnAction(e -> vm.answer(false));

        outcome.textProperty().bind(vm.outcomeProperty());
        outcome.visibleProperty().bind(vm.phaseProperty().map(p -> p == RunViewModel.Phase.FINISHED));
        outcome.managedProperty().bind(outcome.visibleProperty());
        vm.phaseProperty().subscribe(p -> styleOutcome(vm.resultProperty().get()));
        // the running step stays in view
        vm.steps().forEach(this::follow);
        vm.steps().addListener((ListChangeListener<StepItem>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::follow);
            }
        });
    }

    private void follow(StepItem item) {
        item.statusProperty().subscribe(s -> {
            if (s == io.turnout.plan.StepStatus.RUNNING) {
                steps.scrollTo(item);
            }
        });
    }

    private void styleOutcome(PlanResult r) {
        outcome.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING);
        if (vm.phaseProperty().get() != RunViewModel.Phase.FINISHED) {
            return;
        }
        boolean ok = r != null && r.succeeded();
        outcome.getStyleClass().add(ok ? Styles.SUCCESS : r != null && r.status() == PlanResult.Status.STOPPED ? Styles.WARNING : Styles.DANGER);
        outcome.setGraphic(Icons.of(ok ? Feather.CHECK_CIRCLE : Feather.ALERT_TRIANGLE));
    }

    public Parent root() {
        return root;
    }

    /** Hides the plan's title, for windows whose own heading already names it. */
    public void hideTitle() {
        title.setVisible(false);
        title.setManaged(false);
    }

    /** Hides the switch probe's panel, for plans that move no traffic even when a step is dangerous (a migration). */
    public void hideProbe() {
        probeBox.visibleProperty().unbind();
        probeBox.setVisible(false);
    }

    /** Gives the gate's go button the focus when a question comes up (the wizard calls this). */
    public void focusGate() {
        if (gateBar.isVisible()) {
            gateGo.requestFocus();
        }
    }
}
