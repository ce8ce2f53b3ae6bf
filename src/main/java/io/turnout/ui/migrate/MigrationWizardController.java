package io.turnout.ui.migrate;

import atlantafx.base.theme.Styles;
import io.turnout.migrate.Dialect;
import io.turnout.migrate.MigrationReport;
import io.turnout.ui.common.FxmlLoaderFactory;
import io.turnout.ui.common.Icons;
import io.turnout.ui.stack.run.RunPaneController;
import io.turnout.ui.stack.run.RunViewModel;
import io.turnout.ui.stack.run.RunWizards;
import io.turnout.ui.stack.run.StepCell;
import io.turnout.ui.stack.run.StepItem;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.util.List;
import java.util.Map;

/** Binds the migration wizard's pages and buttons to its view-model; file choosers are the only thing it does itself. */
public final class MigrationWizardController {

    private final MigrationWizardViewModel vm;
    private final RunPaneController runPane;
    private final MigrationChoosers choosers;

    @FXML private VBox root;
    @FXML private HBox indicator;
    @FXML private VBox sourcePage, classifyPage, planPage, shadowPage, backupPage, runPage, summaryPage;
    @FXML private RadioButton kindPaste, kindFolder, kindFiles;
    @FXML private Button chooseFolder, chooseFiles;
    @FXML private Label chosen;
    @FXML private TextArea pasted;
    @FXML private ComboBox<Dialect> dialect;
    @FXML private ComboBox<String> pgVersion;
    @FXML private TextField database;
    @FXML private Label verdict;
    @FXML private TableView<StatementRow> statements;
    @FXML private TextArea explanation, alternative;
    @FXML private Button copyAlternative;
    @FXML private Label planNote;
    @FXML private ListView<PlannedPhase> phases;
    @FXML private TextArea phaseSql;
    @FXML private Button writeFlyway;
    @FXML private Button runShadow;
    @FXML private Label shadowSummary;
    @FXML private TableView<MigrationReport.ShadowLine> shadow;
    @FXML private TextField backupLabel;
    @FXML private Button runBackup;
    @FXML private Label backupResult;
    @FXML private TitledPane lockBox;
    @FXML private TableView<LockWaitRow> lockWaits;
    @FXML private Label summary;
    @FXML private ListView<StepItem> summarySteps;
    @FXML private Label error, notice;
    @FXML private Button cancel, exportReport, back, next;

    public MigrationWizardController(MigrationWizardViewModel vm, RunPaneController runPane, MigrationChoosers choosers) {
        this.vm = vm;
        this.runPane = runPane;
        this.choosers = choosers;
    }

    public static FxmlLoaderFactory.View<MigrationWizardController> load(MigrationWizardViewModel vm) {
        RunPaneController runPane = RunPaneController.load(vm.run()).controller();
        return new FxmlLoaderFactory(Map.of(MigrationWizardController.class,
                () -> new MigrationWizardController(vm, runPane, new MigrationChoosers())))
                .load(MigrationWizardController.class, "MigrationWizard.fxml", MigrationWizardController.class);
    }

    @FXML
    private void initialize() {
        bindSource();
        bindChecks();
        runPane.hideProbe(); // a migration moves no traffic
        runPage.getChildren().addFirst(runPane.root());
        VBox.setVgrow(runPane.root(), Priority.ALWAYS);
        MigrationTables.lockWaits(lockWaits);
        lockWaits.setItems(vm.checks().lockWaits());
        lockBox.visibleProperty().bind(vm.run().phaseProperty().map(p -> p != RunViewModel.Phase.PREVIEW));
        lockBox.managedProperty().bind(lockBox.visibleProperty());
        summary.textProperty().bind(vm.summaryProperty());
        summarySteps.setItems(vm.run().steps());
        summarySteps.setCellFactory(l -> new StepCell());
        vm.run().resultProperty().subscribe(r -> {
            summary.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            summary.getStyleClass().add(r != null && r.succeeded() ? Styles.SUCCESS : Styles.DANGER);
            summary.setGraphic(Icons.of(r != null && r.succeeded() ? Feather.CHECK_CIRCLE : Feather.ALERT_TRIANGLE));
        });
        bindButtons();
        vm.pageProperty().subscribe(this::show);
        RunWizards.bindWindow(root, vm.run(), vm.doneProperty());
    }

    private void bindSource() {
        MigrationInput in = vm.input();
        ToggleGroup kinds = new ToggleGroup();
        Map<RadioButton, MigrationInput.Kind> byButton = Map.of(kindPaste, MigrationInput.Kind.PASTE,
                kindFolder, MigrationInput.Kind.FOLDER, kindFiles, MigrationInput.Kind.FILES);
        byButton.forEach((b, k) -> {
            b.setToggleGroup(kinds);
            b.setSelected(in.kindProperty().get() == k);
        });
        kinds.selectedToggleProperty().subscribe(t -> {
            if (t != null) {
                in.kindProperty().set(byButton.get((RadioButton) t));
            }
        });
        chooseFolder.setOnAction(e -> choosers.folder(root.getScene().getWindow(), "Flyway migrations folder").ifPresent(p -> {
            in.paths().setAll(p);
            kindFolder.setSelected(true);
        }));
        chooseFiles.setOnAction(e -> {
            var files = choosers.sqlFiles(root.getScene().getWindow());
            if (!files.isEmpty()) {
                in.paths().setAll(files);
                kindFiles.setSelected(true);
            }
        });
        chosen.textProperty().bind(Bindings.createStringBinding(() -> in.kindProperty().get() == MigrationInput.Kind.PASTE ? ""
                : in.paths().isEmpty() ? "Nothing chosen yet." : "Chosen: " + String.join(", ", in.paths().stream().map(Object::toString).toList()),
                in.kindProperty(), in.paths()));
        pasted.textProperty().bindBidirectional(in.pastedProperty());
        pasted.disableProperty().bind(in.kindProperty().isNotEqualTo(MigrationInput.Kind.PASTE));
        dialect.setItems(FXCollections.observableArrayList(Dialect.values()));
        dialect.valueProperty().bindBidirectional(in.dialectProperty());
        pgVersion.setItems(FXCollections.observableArrayList(MigrationInput.FROM_DATABASE, "17", "16", "15", "14", "13", "12", "11"));
        pgVersion.valueProperty().bindBidirectional(in.pgVersionProperty());
        database.textProperty().bindBidirectional(in.databaseProperty());

        verdict.textProperty().bind(vm.verdictProperty());
        vm.riskProperty().subscribe(r -> {
            verdict.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER);
            if (r != null) {
                verdict.getStyleClass().add(MigrationTables.riskStyle(r));
            }
        });
        MigrationTables.statements(statements);
        statements.setItems(vm.rows());
        statements.getSelectionModel().selectedItemProperty().subscribe(r -> {
            if (r != null) {
                vm.selectedProperty().set(r);
            }
        });
        vm.selectedProperty().subscribe(r -> {
            if (r != null && statements.getSelectionModel().getSelectedItem() != r) {
                statements.getSelectionModel().select(r);
                statements.scrollTo(r);
            }
        });
        explanation.textProperty().bind(vm.selectedProperty().map(StatementRow::explanation).orElse(""));
        alternative.textProperty().bind(vm.selectedProperty().map(StatementRow::alternative).orElse(""));
        copyAlternative.setGraphic(Icons.of(Feather.COPY));
        copyAlternative.disableProperty().bind(alternative.textProperty().isEmpty());
        copyAlternative.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(alternative.getText());
            Clipboard.getSystemClipboard().setContent(c);
        });
    }

    private void bindChecks() {
        MigrationChecks checks = vm.checks();
        planNote.textProperty().bind(checks.planNoteProperty());
        phases.setItems(checks.phases());
        phases.setCellFactory(l -> new PhaseCell());
        phaseSql.textProperty().bind(phases.getSelectionModel().selectedItemProperty().map(PlannedPhase::sql).orElse(""));
        writeFlyway.setGraphic(Icons.of(Feather.SAVE));
        writeFlyway.disableProperty().bind(Bindings.isEmpty(checks.phases()).or(vm.busyProperty()));
        writeFlyway.setOnAction(e -> choosers.folder(root.getScene().getWindow(), "Write Flyway files to").ifPresent(vm::writeFlywayFiles));

        runShadow.textProperty().bind(vm.pageProperty().map(p -> "Run shadow check on " + checks.databaseLabel()));
        runShadow.setGraphic(Icons.of(Feather.SEARCH));
        runShadow.getStyleClass().add(Styles.ACCENT);
        runShadow.disableProperty().bind(vm.busyProperty().or(Bindings.createBooleanBinding(() -> !checks.hasDatabase(), vm.pageProperty())));
        runShadow.setOnAction(e -> checks.runShadow());
        shadowSummary.textProperty().bind(checks.shadowSummaryProperty());
        MigrationTables.shadow(shadow);
        shadow.setItems(checks.shadow());

        backupLabel.textProperty().bindBidirectional(checks.backupLabelProperty());
        runBackup.textProperty().bind(Bindings.createStringBinding(() -> "Back up " + checks.databaseLabel() + " as "
                + checks.backupLabelProperty().get(), checks.backupLabelProperty(), vm.pageProperty()));
        runBackup.setGraphic(Icons.of(Feather.ARCHIVE));
        runBackup.disableProperty().bind(vm.busyProperty().or(Bindings.createBooleanBinding(() -> !checks.hasDatabase(), vm.pageProperty())));
        runBackup.setOnAction(e -> checks.runBackup());
        backupResult.textProperty().bind(checks.backupResultProperty());
    }

    private void bindButtons() {
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.getStyleClass().add(Styles.DANGER);
        notice.textProperty().bind(vm.noticeProperty());
        notice.visibleProperty().bind(vm.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        next.textProperty().bind(vm.nextLabelBinding());
        next.disableProperty().bind(vm.canNextBinding().not());
        next.setOnAction(e -> vm.next());
        back.disableProperty().bind(vm.canBackBinding().not());
        back.setOnAction(e -> vm.back());
        cancel.visibleProperty().bind(vm.run().phaseProperty().map(p -> p == RunViewModel.Phase.PREVIEW));
        cancel.setOnAction(e -> root.getScene().getWindow().hide());
        exportReport.setGraphic(Icons.of(Feather.FILE_TEXT));
        exportReport.visibleProperty().bind(vm.pageProperty().map(p -> p != MigrationWizardViewModel.Page.SOURCE));
        exportReport.disableProperty().bind(vm.busyProperty());
        exportReport.setOnAction(e -> choosers.report(root.getScene().getWindow()).ifPresent(vm::exportReport));
    }

    private void show(MigrationWizardViewModel.Page page) {
        List<Node> pages = List.of(sourcePage, classifyPage, planPage, shadowPage, backupPage, runPage, summaryPage);
        for (int i = 0; i < pages.size(); i++) {
            pages.get(i).setVisible(i == page.ordinal());
        }
        boolean run = page == MigrationWizardViewModel.Page.EXECUTE;
        next.getStyleClass().removeAll(Styles.ACCENT, Styles.DANGER);
        next.getStyleClass().add(run ? Styles.DANGER : Styles.ACCENT);
        next.setGraphic(run ? Icons.of(Feather.PLAY) : null);
        RunWizards.markSteps(indicator, page.ordinal());
        if (page == MigrationWizardViewModel.Page.CLASSIFY) {
            statements.requestFocus();
        } else if (page == MigrationWizardViewModel.Page.PLAN) {
            phases.getSelectionModel().selectFirst();
        }
    }
}
