package io.turnout.ui.dashboard;

import atlantafx.base.theme.Styles;
import io.turnout.timeline.TimelineSource;
import io.turnout.ui.common.Icons;
import io.turnout.ui.common.Showing;
import io.turnout.ui.common.UiStyles;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard tab: a toolbar (15 min / 1 h, pause, reset zoom), one {@link TimeSeriesChart} per
 * chart model sharing the time axis, and a readout of every series at the hovered time. While the
 * tab shows, a 1 Hz ticker asks the view-model for one update and the target's feeds run; hidden,
 * both stop (the timeline keeps what was recorded).
 */
public final class DashboardController {

    static final Duration TICK = Duration.seconds(1);

    private final DashboardViewModel vm;
    private final TimelineSource sources;
    private final ZoneId zone;
    private final Timeline ticker;
    private final Map<String, TimeSeriesChart> charts = new LinkedHashMap<>();

    @FXML private VBox root;
    @FXML private ToggleButton shortWindow;
    @FXML private ToggleButton longWindow;
    @FXML private Button pause;
    @FXML private Button live;
    @FXML private Label state;
    @FXML private TextField dbUrl;
    @FXML private Button watchDb;
    @FXML private Label error;
    @FXML private VBox chartBox;
    @FXML private Label empty;
    @FXML private Label readout;

    public DashboardController(DashboardViewModel vm, TimelineSource sources, ZoneId zone) {
        this.vm = vm;
        this.sources = sources;
        this.zone = zone;
        this.ticker = new Timeline(new KeyFrame(TICK, e -> vm.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
    }

    @FXML
    private void initialize() {
        ToggleGroup windows = new ToggleGroup();
        shortWindow.setToggleGroup(windows);
        longWindow.setToggleGroup(windows);
        shortWindow.getStyleClass().add(Styles.LEFT_PILL);
        longWindow.getStyleClass().add(Styles.RIGHT_PILL);
        shortWindow.setOnAction(e -> vm.window(DashboardViewModel.SHORT));
        longWindow.setOnAction(e -> vm.window(DashboardViewModel.LONG));
        vm.windowProperty().subscribe(w -> (w.equals(DashboardViewModel.LONG) ? longWindow : shortWindow).setSelected(true));
        pause.textProperty().bind(vm.pausedProperty().map(p -> p ? "Resume live" : "Pause"));
        pause.graphicProperty().bind(vm.pausedProperty().map(p -> Icons.of(p ? Feather.PLAY : Feather.PAUSE)));
        pause.setOnAction(e -> vm.togglePause());
        live.setGraphic(Icons.of(Feather.MAXIMIZE_2));
        live.disableProperty().bind(vm.zoomedProperty().not());
        live.setOnAction(e -> vm.live());
        state.textProperty().bind(vm.pausedProperty().map(p -> p ? "Paused · still recording" : "Live · 1 s"));
        readout.getStyleClass().add(UiStyles.DASHBOARD_READOUT);
        watchDb.setGraphic(Icons.of(Feather.DATABASE));
        watchDb.disableProperty().bind(dbUrl.textProperty().isEmpty());
        watchDb.setOnAction(e -> {
            vm.watchDatabase(dbUrl.getText());
            if (vm.errorProperty().get().isEmpty()) {
                dbUrl.clear(); // the URL may carry a password: keep only the masked form on screen
                dbUrl.setPromptText("Watching " + vm.databaseProperty().get());
            }
        });
        dbUrl.setOnAction(e -> watchDb.fire());
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.getStyleClass().add(Styles.DANGER);
        vm.modelProperty().subscribe(this::draw);

        Showing.of(root).subscribe(shown -> {
            if (Boolean.TRUE.equals(shown)) {
                sources.start();
                vm.tick();
                ticker.play();
            } else {
                ticker.stop();
                sources.stop();
            }
        });
    }

    /** One update: reuses a chart node per chart id, so hover and size survive the tick. */
    private void draw(DashboardModel model) {
        boolean first = true;
        for (ChartModel c : model.charts()) {
            TimeSeriesChart chart = charts.computeIfAbsent(c.id(), id -> newChart());
            chart.setMarkerLabels(first);
            first = false;
            chart.show(c, model.from(), model.to(), model.markers());
        }
        List<TimeSeriesChart> ordered = model.charts().stream().map(c -> charts.get(c.id())).toList();
        // keep the map in the model's order (a chart that appears later, e.g. latency, slots in where it belongs)
        Map<String, TimeSeriesChart> inOrder = new LinkedHashMap<>();
        model.charts().forEach(c -> inOrder.put(c.id(), charts.get(c.id())));
        charts.clear();
        charts.putAll(inOrder);
        if (!chartBox.getChildren().equals(ordered)) {
            chartBox.getChildren().setAll(ordered);
        }
        empty.setVisible(ordered.isEmpty());
        empty.setManaged(ordered.isEmpty());
        if (ordered.isEmpty()) {
            chartBox.getChildren().setAll(empty);
        }
    }

    private TimeSeriesChart newChart() {
        TimeSeriesChart chart = new TimeSeriesChart(zone);
        chart.onHover(this::hover);
        chart.onZoom(vm::zoom);
        chart.onWheel(vm::zoomAround);
        chart.setOnMouseExited(e -> charts.values().forEach(c -> c.crosshairAt(null)));
        return chart;
    }

    private void hover(Instant t) {
        charts.values().forEach(c -> c.crosshairAt(t));
        DashboardModel m = vm.modelProperty().get();
        // a marker counts as "here" within 8 pixels of the pointer, whatever the zoom
        double plot = Math.max(1, charts.values().iterator().next().getWidth() - TimeSeriesChart.LEFT - TimeSeriesChart.RIGHT);
        java.time.Duration near = java.time.Duration.ofMillis(Math.round(
                java.time.Duration.between(m.from(), m.to()).toMillis() * 8 / plot));
        readout.setText(String.join("\n", vm.hover(t, near)));
    }

    /** The charts as drawn now, top to bottom (tests and the benchmark read them). */
    public List<TimeSeriesChart> charts() {
        return List.copyOf(charts.values());
    }

    public DashboardViewModel viewModel() {
        return vm;
    }
}
