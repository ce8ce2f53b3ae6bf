package io.turnout.ui.stack;

import atlantafx.base.theme.Styles;
import io.turnout.release.InterruptedRun;
import io.turnout.ui.common.FxmlLoaderFactory;
import io.turnout.ui.common.Icons;
import io.turnout.ui.dashboard.DashboardController;
import io.turnout.ui.common.Showing;
import io.turnout.ui.common.UiStyles;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

import java.util.Map;
import java.util.function.Function;

/**
 * The stack view: header (router, maintenance, lock), the interrupted-release banner, environment
 * cards per service, the history, and the stack's containers. Reads its status on show, every
 * {@link #POLL} while showing, and after each window it opened closes.
 */
public final class StackController {

    static final Duration POLL = Duration.seconds(5);
    private static final int RECENT = 5;
    private static final Map<String, Function<HistoryRow, String>> HISTORY_COLUMNS = Map.of("when", HistoryRow::when,
            "kind", HistoryRow::kind, "service", HistoryRow::service, "change", HistoryRow::change, "who", HistoryRow::who,
            "result", HistoryRow::result, "proof", HistoryRow::proof);

    private final StackViewModel vm;
    private final StackWindows windows;
    private final Node containers;
    private final FxmlLoaderFactory.View<DashboardController> dashboard;
    private final Timeline poller;

    @FXML private VBox root;
    @FXML private Label name;
    @FXML private Label router;
    @FXML private Label maintenance;
    @FXML private Button maintenanceToggle;
    @FXML private Button releaseLock;
    @FXML private Label lock;
    @FXML private Button refresh;
    @FXML private Button migrate;
    @FXML private HBox banner;
    @FXML private Label bannerText;
    @FXML private Button resume;
    @FXML private Button rollBack;
    @FXML private Label error;
    @FXML private TabPane sections;
    @FXML private VBox services;
    @FXML private Label noServices;
    @FXML private TableView<HistoryRow> history;
    @FXML private VBox recentBox;
    @FXML private VBox recent;
    @FXML private Tab containersTab;
    @FXML private Tab dashboardTab;

    /** @param containers the stack's containers view (a filtered containers tree), or null */
    public StackController(StackViewModel vm, StackWindows windows, Node containers) {
        this(vm, windows, containers, null);
    }

    /** @param dashboard the stack's dashboard (live graphs and release markers), or null for no "Dashboard" tab */
    public StackController(StackViewModel vm, StackWindows windows, Node containers,
                           FxmlLoaderFactory.View<DashboardController> dashboard) {
        this.vm = vm;
        this.windows = windows;
        this.containers = containers;
        this.dashboard = dashboard;
        this.poller = new Timeline(new KeyFrame(POLL, e -> vm.poll()));
        poller.setCycleCount(Timeline.INDEFINITE);
    }

    @FXML
    private void initialize() {
        name.setText(vm.stack());
        name.setGraphic(Icons.of(Feather.LAYERS));
        router.textProperty().bind(vm.routerProperty());
        router.graphicProperty().bind(vm.routerHealthyProperty().map(ok -> icon(ok ? Feather.CHECK_CIRCLE : Feather.X_CIRCLE,
                ok ? UiStyles.STATE_OK : UiStyles.STATE_BAD)));
        maintenance.visibleProperty().bind(vm.maintenanceProperty());
        maintenance.managedProperty().bind(maintenance.visibleProperty());
        lock.textProperty().bind(vm.lockProperty().map(t -> "lock: " + t));
        lock.graphicProperty().bind(vm.lockedProperty().map(l -> icon(l ? Feather.LOCK : Feather.UNLOCK,
                l ? UiStyles.STATE_WARN : UiStyles.STATE_IDLE)));
        maintenanceToggle.textProperty().bind(vm.maintenanceProperty().map(on -> on ? "End maintenance" : "Maintenance page…"));
        maintenanceToggle.setGraphic(Icons.of(Feather.TOOL));
        maintenanceToggle.getStyleClass().add(Styles.FLAT);
        maintenanceToggle.setOnAction(e -> windows.maintenance(root.getScene().getWindow(), vm, !vm.maintenanceProperty().get(), vm::refresh));
        releaseLock.visibleProperty().bind(vm.lockedProperty().and(vm.interruptedProperty().isNull()));
        releaseLock.managedProperty().bind(releaseLock.visibleProperty());
        releaseLock.getStyleClass().addAll(Styles.FLAT, Styles.DANGER);
        releaseLock.setOnAction(e -> confirmReleaseLock());
        migrate.setGraphic(Icons.of(Feather.DATABASE));
        migrate.getStyleClass().add(Styles.FLAT);
        migrate.setVisible(windows.canMigrate());
        migrate.setManaged(windows.canMigrate());
        migrate.setOnAction(e -> windows.migrate(root.getScene().getWindow(), vm, this::showMigrateError));
        refresh.setGraphic(Icons.of(Feather.REFRESH_CW));
        refresh.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        refresh.setOnAction(e -> vm.refresh());

        banner.visibleProperty().bind(vm.interruptedProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        bannerText.textProperty().bind(vm.interruptedProperty().map(InterruptedRun::sentence));
        bannerText.setGraphic(icon(Feather.ALERT_TRIANGLE, UiStyles.STATE_WARN));
        resume.getStyleClass().add(Styles.ACCENT);
        resume.setOnAction(e -> windows.resume(root.getScene().getWindow(), vm, vm.interruptedProperty().get(), vm::refresh));
        rollBack.getStyleClass().add(Styles.DANGER);
        rollBack.setOnAction(e -> windows.rollBackInterrupted(root.getScene().getWindow(), vm, vm.interruptedProperty().get(), vm::refresh));

        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.getStyleClass().add(Styles.DANGER);

        noServices.textProperty().bind(vm.errorProperty().map(e -> e.isEmpty() ? "Reading the stack…" : "No environments to show."));
        vm.services().addListener((ListChangeListener<ServiceItem>) c -> drawServices());
        drawServices();
        history.setItems(vm.history());
        vm.history().addListener((ListChangeListener<HistoryRow>) c -> drawRecent());
        drawRecent();
        history.getStyleClass().add(Styles.DENSE);
        for (TableColumn<HistoryRow, ?> column : history.getColumns()) {
            @SuppressWarnings("unchecked") TableColumn<HistoryRow, String> text = (TableColumn<HistoryRow, String>) column;
            Function<HistoryRow, String> value = HISTORY_COLUMNS.get(column.getId());
            text.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        }
        history.setRowFactory(t -> new HistoryRowCell());
        if (containers != null) {
            containersTab.setContent(containers);
            vm.unmanagedProperty().subscribe(u -> {
                if (u) {
                    sections.getSelectionModel().select(containersTab);
                }
            });
        } else {
            sections.getTabs().remove(containersTab);
        }
        if (dashboard != null) {
            dashboardTab.setContent(dashboard.root());
            dashboardTab.setGraphic(Icons.of(Feather.ACTIVITY));
        } else {
            sections.getTabs().remove(dashboardTab);
        }

        Showing.of(root).subscribe(shown -> {
            if (Boolean.TRUE.equals(shown)) {
                vm.refresh();
                poller.play();
            } else {
                poller.stop();
            }
        });
    }

    /** Selects the "Dashboard" tab; false when this view has none. */
    public boolean showDashboard() {
        if (dashboard == null) {
            return false;
        }
        sections.getSelectionModel().select(dashboardTab);
        return true;
    }

    /** The dashboard's controller, or null without one. */
    public DashboardController dashboard() {
        return dashboard == null ? null : dashboard.controller();
    }

    private void showMigrateError(String sentence) {
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR, sentence);
        alert.initOwner(root.getScene().getWindow());
        alert.setHeaderText(null);
        alert.show();
    }

    /** Releasing another operator's lock is deliberate and audited: ask, naming the holder. */
    private void confirmReleaseLock() {
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.WARNING);
        alert.initOwner(root.getScene().getWindow());
        alert.setTitle("Release the lock of " + vm.stack());
        alert.setHeaderText("The lock is " + vm.lockProperty().get() + ".");
        alert.setContentText("Release it only if that release is dead (its console crashed or lost its host). "
                + "The history records that you did.");
        javafx.scene.control.ButtonType release = new javafx.scene.control.ButtonType("Release the lock",
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(javafx.scene.control.ButtonType.CANCEL, release);
        alert.showAndWait().filter(release::equals).ifPresent(b -> vm.forceReleaseLock());
    }

    private void drawServices() {
        ServiceRowNode.Actions actions = new ServiceRowNode.Actions() {
            @Override public void upgrade(ServiceItem s) { windows.upgrade(root.getScene().getWindow(), vm, s.name(), vm::refresh); }
            @Override public void switchTraffic(ServiceItem s) { windows.switchTraffic(root.getScene().getWindow(), vm, s, vm::refresh); }
            @Override public void rollback(ServiceItem s) { windows.rollback(root.getScene().getWindow(), vm, s, vm::refresh); }
            @Override public void removeStandby(ServiceItem s) { windows.removeStandby(root.getScene().getWindow(), vm, s, vm::refresh); }
        };
        Function<ServiceItem, Node> row = s -> ServiceRowNode.of(s, actions);
        services.getChildren().setAll(vm.services().stream().map(row).toList());
        noServices.setVisible(vm.services().isEmpty());
        noServices.setManaged(vm.services().isEmpty());
    }

    /** A row's tooltip tells the whole detail sentence (the failure reason when it failed). */
    private static final class HistoryRowCell extends javafx.scene.control.TableRow<HistoryRow> {
        @Override
        protected void updateItem(HistoryRow row, boolean empty) {
            super.updateItem(row, empty);
            setTooltip(empty || row == null || row.detail().isEmpty() ? null : new javafx.scene.control.Tooltip(row.detail()));
            getStyleClass().remove(UiStyles.ROW_FAILED);
            if (!empty && row != null && !row.result().equals("succeeded")) {
                getStyleClass().add(UiStyles.ROW_FAILED);
            }
        }
    }

    /** The last few history rows under the cards: what happened lately and the probe's proof, at a glance. */
    private void drawRecent() {
        recentBox.setVisible(!vm.history().isEmpty());
        recentBox.setManaged(!vm.history().isEmpty());
        recent.getChildren().setAll(vm.history().stream().limit(RECENT).map(StackController::recentLine).toList());
    }

    private static Node recentLine(HistoryRow r) {
        boolean ok = r.result().equals("succeeded");
        String text = String.join(" · ", java.util.stream.Stream.of(r.when(), r.service().equals("—") ? r.kind() : r.kind() + " " + r.service(), r.change(),
                r.result(), r.proof(), r.who()).filter(t -> !t.isBlank() && !t.equals("—")).toList());
        Label l = new Label(text, icon(ok ? Feather.CHECK_CIRCLE : Feather.X_CIRCLE, ok ? UiStyles.STATE_OK : UiStyles.STATE_BAD));
        l.setTooltip(r.detail().isEmpty() ? null : new javafx.scene.control.Tooltip(r.detail()));
        return l;
    }

    private static Node icon(Feather f, String style) {
        var i = Icons.of(f);
        i.getStyleClass().add(style);
        return i;
    }
}
