package io.turnout.ui.stack.upgrade;

import atlantafx.base.theme.Styles;
import io.turnout.ui.common.FxmlLoaderFactory;
import io.turnout.ui.common.Icons;
import io.turnout.ui.stack.run.ProbePanel;
import io.turnout.ui.stack.run.RunPaneController;
import io.turnout.ui.stack.run.RunViewModel;
import io.turnout.ui.stack.run.RunWizards;
import io.turnout.ui.stack.run.StepCell;
import io.turnout.ui.stack.run.StepItem;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.util.List;
import java.util.Map;

/** Binds the upgrade wizard's pages, page indicator and Back/Next buttons to its view-model. */
public final class UpgradeWizardController {

    private final UpgradeWizardViewModel vm;
    private final RunPaneController runPane;

    @FXML private VBox root;
    @FXML private HBox indicator;
    @FXML private VBox imagePage;
    @FXML private VBox optionsPage;
    @FXML private VBox runPage;
    @FXML private VBox summaryPage;
    @FXML private ComboBox<String> service;
    @FXML private Label currentImage;
    @FXML private TextField image;
    @FXML private Label imageHint;
    @FXML private VBox switchModes;
    @FXML private CheckBox autoCleanup;
    @FXML private TextField healthTimeout;
    @FXML private TextField healthInterval;
    @FXML private CheckBox skipHealth;
    @FXML private Label skipWarning;
    @FXML private Label summary;
    @FXML private VBox summaryProbe;
    @FXML private ListView<StepItem> summarySteps;
    @FXML private Label error;
    @FXML private Button cancel;
    @FXML private Button back;
    @FXML private Button next;

    public UpgradeWizardController(UpgradeWizardViewModel vm, RunPaneController runPane) {
        this.vm = vm;
        this.runPane = runPane;
    }

    public static FxmlLoaderFactory.View<UpgradeWizardController> load(UpgradeWizardViewModel vm) {
        RunPaneController runPane = RunPaneController.load(vm.run()).controller();
        return new FxmlLoaderFactory(Map.of(UpgradeWizardController.class, () -> new UpgradeWizardController(vm, runPane)))
                .load(UpgradeWizardController.class, "UpgradeWizard.fxml", UpgradeWizardController.class);
    }

    @FXML
    private void initialize() {
        service.setItems(vm.services());
        service.valueProperty().bindBidirectional(vm.serviceProperty());
        currentImage.textProperty().bind(vm.currentImageProperty());
        image.textProperty().bindBidirectional(vm.imageProperty());
        imageHint.textProperty().bind(vm.serviceProperty().map(s -> "Turnout starts " + vm.targetColor()
                + " next to the active color, with its configuration and this image, and checks its health before any traffic moves."));
        ToggleGroup modes = new ToggleGroup();
        for (SwitchMode mode : SwitchMode.values()) {
            RadioButton r = new RadioButton(mode.toString());
            r.setUserData(mode);
            r.setToggleGroup(modes);
            r.setSelected(vm.switchModeProperty().get() == mode);
            switchModes.getChildren().add(r);
        }
        modes.selectedToggleProperty().subscribe(t -> {
            if (t != null) {
                vm.switchModeProperty().set((SwitchMode) t.getUserData());
            }
        });
        autoCleanup.selectedProperty().bindBidirectional(vm.autoCleanupProperty());
        autoCleanup.disableProperty().bind(vm.switchModeProperty().map(m -> !m.switches()));
        healthTimeout.textProperty().bindBidirectional(vm.healthTimeoutProperty());
        healthInterval.textProperty().bindBidirectional(vm.healthIntervalProperty());
        skipHealth.selectedProperty().bindBidirectional(vm.skipHealthProperty());
        skipWarning.visibleProperty().bind(vm.skipHealthProperty());
        skipWarning.managedProperty().bind(skipWarning.visibleProperty());
        skipWarning.setGraphic(Icons.of(Feather.ALERT_TRIANGLE));
        skipWarning.getStyleClass().add(Styles.DANGER);

        runPage.getChildren().add(runPane.root());
        VBox.setVgrow(runPane.root(), Priority.ALWAYS);
        vm.run().gateProperty().subscribe(g -> runPane.focusGate());
        summary.textProperty().bind(vm.summaryProperty());
        summaryProbe.getChildren().add(new ProbePanel(vm.run().probeProperty()).node());
        summarySteps.setItems(vm.run().steps());
        summarySteps.setCellFactory(l -> new StepCell());
        vm.run().resultProperty().subscribe(r -> {
            summary.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            summary.getStyleClass().add(r != null && r.succeeded() ? Styles.SUCCESS : Styles.DANGER);
            summary.setGraphic(Icons.of(r != null && r.succeeded() ? Feather.CHECK_CIRCLE : Feather.ALERT_TRIANGLE));
        });

        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.getStyleClass().add(Styles.DANGER);
        next.textProperty().bind(vm.nextLabelBinding());
        next.disableProperty().bind(vm.canNextBinding().not());
        next.setOnAction(e -> vm.next());
        back.disableProperty().bind(vm.canBackBinding().not());
        back.setOnAction(e -> vm.back());
        cancel.visibleProperty().bind(vm.run().phaseProperty().map(p -> p == RunViewModel.Phase.PREVIEW));
        cancel.setOnAction(e -> root.getScene().getWindow().hide());
        vm.pageProperty().subscribe(this::show);
        RunWizards.bindWindow(root, vm.run(), vm.doneProperty());
    }

    private void show(UpgradeWizardViewModel.Page page) {
        List<Node> pages = List.of(imagePage, optionsPage, runPage, summaryPage);
        Node visible = switch (page) {
            case IMAGE -> imagePage;
            case OPTIONS -> optionsPage;
            case PREVIEW, RUN -> runPage;
            case SUMMARY -> summaryPage;
        };
        pages.forEach(p -> p.setVisible(p == visible));
        next.getStyleClass().removeAll(Styles.ACCENT, Styles.DANGER);
        next.getStyleClass().add(page == UpgradeWizardViewModel.Page.PREVIEW ? Styles.DANGER : Styles.ACCENT);
        next.setGraphic(page == UpgradeWizardViewModel.Page.PREVIEW ? Icons.of(Feather.PLAY) : null);
        RunWizards.markSteps(indicator, page.ordinal());
        if (page == UpgradeWizardViewModel.Page.IMAGE) {
            image.requestFocus();
        }
    }
}
