package io.turnout.ui.shell;

import io.turnout.target.TargetUri;
import io.turnout.ui.common.Icons;
import io.turnout.ui.common.UiStyles;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Bottom bar: one "host: connected · 12 ms" item per open host and the activity drawer toggle. */
public final class StatusBarController {

    private final StatusBarViewModel vm;
    private final ActivityViewModel activity;
    private final Map<TargetUri, Label> items = new HashMap<>();
    private final Map<TargetUri, StatusBarViewModel.Entry> shown = new HashMap<>();
    private final Label none = new Label("No hosts — add one with Ctrl+Shift+A");

    @FXML private HBox connections;
    @FXML private ToggleButton activityToggle;

    public StatusBarController(StatusBarViewModel vm, ActivityViewModel activity) {
        this.vm = vm;
        this.activity = activity;
    }

    @FXML
    private void initialize() {
        none.getStyleClass().add(UiStyles.EMPTY_STATE);
        vm.entries().subscribe(this::sync);
        activityToggle.setGraphic(Icons.of(Feather.ACTIVITY));
        activityToggle.selectedProperty().bindBidirectional(activity.openProperty());
        activityToggle.textProperty().bind(activity.runningCount().map(n ->
                n.intValue() == 0 ? "Activity" : "Activity · " + n + " running"));
    }

    /** Keyed by target: items of hosts that stay keep their node; only changed ones are redrawn. */
    private void sync() {
        List<StatusBarViewModel.Entry> entries = List.copyOf(vm.entries());
        items.keySet().retainAll(entries.stream().map(StatusBarViewModel.Entry::target).toList());
        shown.keySet().retainAll(items.keySet());
        for (StatusBarViewModel.Entry e : entries) {
            Label item = items.computeIfAbsent(e.target(), t -> {
                Label l = new Label();
                l.getStyleClass().add(UiStyles.STATUS_ITEM);
                return l;
            });
            if (!e.equals(shown.get(e.target()))) {
                item.setText(e.text());
                item.setGraphic(Icons.connectionGraphic(e.state()));
                shown.put(e.target(), e);
            }
        }
        connections.getChildren().setAll(entries.isEmpty() ? List.of(none)
                : entries.stream().map(e -> items.get(e.target())).toList());
    }
}
