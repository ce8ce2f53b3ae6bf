package io.turnout.ui.detail;

import atlantafx.base.theme.Styles;
import io.turnout.docker.ContainerDetails.EnvVar;
import io.turnout.docker.ContainerDetails.HealthProbe;
import io.turnout.ui.common.Icons;
import io.turnout.ui.common.UiStyles;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import org.kordamp.ikonli.feather.Feather;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Container detail: inspect summary, environment (masked values locked), labels, health log. */
public final class DetailController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final DetailViewModel vm;

    @FXML private Label title;
    @FXML private Label error;
    @FXML private Button refresh;
    @FXML private GridPane facts;
    @FXML private TableView<EnvVar> env;
    @FXML private TableColumn<EnvVar, String> envName;
    @FXML private TableColumn<EnvVar, EnvVar> envValue;
    @FXML private TableView<DetailViewModel.Fact> labels;
    @FXML private TableColumn<DetailViewModel.Fact, String> labelKey;
    @FXML private TableColumn<DetailViewModel.Fact, String> labelValue;
    @FXML private TableView<HealthProbe> health;
    @FXML private TableColumn<HealthProbe, String> healthStart;
    @FXML private TableColumn<HealthProbe, String> healthDuration;
    @FXML private TableColumn<HealthProbe, Number> healthExit;
    @FXML private TableColumn<HealthProbe, String> healthOutput;
    @FXML private LogTailController logsController;
    @FXML private javafx.scene.control.TabPane tabs;
    @FXML private javafx.scene.control.Tab logsTab;

    public DetailController(DetailViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        title.textProperty().bind(vm.detailsProperty().map(d -> d.row().name()).orElse(vm.containerId()));
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        refresh.setGraphic(Icons.of(Feather.REFRESH_CW));
        refresh.disableProperty().bind(vm.loadingProperty());
        refresh.setOnAction(e -> vm.refresh());

        vm.facts().addListener((ListChangeListener<DetailViewModel.Fact>) c -> renderFacts());
        env.setItems(vm.env());
        envName.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(p.getValue().name()));
        envValue.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(p.getValue()));
        envValue.setCellFactory(c -> new EnvValueCell());
        labels.setItems(vm.labels());
        labelKey.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(p.getValue().name()));
        labelValue.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(p.getValue().value()));
        health.setItems(vm.healthLog());
        healthStart.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(TIME.format(p.getValue().start())));
        healthDuration.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(
                Duration.between(p.getValue().start(), p.getValue().end()).toMillis() + " ms"));
        healthExit.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(p.getValue().exitCode()));
        healthOutput.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(p.getValue().output().strip()));
        vm.refresh();
    }

    private void renderFacts() {
        facts.getChildren().clear();
        int rowIndex = 0;
        for (DetailViewModel.Fact f : vm.facts()) {
            Label name = new Label(f.name());
            name.getStyleClass().add(Styles.TEXT_MUTED);
            Label value = new Label(f.value());
            value.setWrapText(true);
            facts.addRow(rowIndex++, name, value);
        }
    }

    public void showLogs() {
        tabs.getSelectionModel().select(logsTab);
    }

    public LogTailController logs() {
        return logsController;
    }

    /** Masked values: bullets and a lock, never the value (there is no reveal in this version). */
    private static final class EnvValueCell extends TableCell<EnvVar, EnvVar> {
        @Override
        protected void updateItem(EnvVar v, boolean empty) {
            super.updateItem(v, empty);
            if (empty || v == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(DetailViewModel.displayValue(v));
            setGraphic(v.masked() ? Icons.of(Feather.LOCK) : null);
            getStyleClass().remove(UiStyles.MONO);
            getStyleClass().add(UiStyles.MONO);
        }
    }
}
