package io.turnout.ui.shell;

import io.turnout.target.ConnectionState;
import io.turnout.target.TargetUri;
import io.turnout.ui.common.Icons;
import io.turnout.ui.common.UiStyles;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;

/** Bottom bar: one "host: connected · 12 ms" item per target and the activity drawer toggle. */
public final class StatusBarController {

    private final List<TargetUri> targets;
    private final ActivityViewModel activity;
    private final List<Label> items = new ArrayList<>();

    @FXML private HBox connections;
    @FXML private ToggleButton activityToggle;

    public StatusBarController(List<TargetUri> targets, ActivityViewModel activity) {
        this.targets = targets;
        this.activity = activity;
    }

    @FXML
    private void initialize() {
        for (TargetUri t : targets) {
            Label item = new Label();
            item.getStyleClass().add(UiStyles.STATUS_ITEM);
            items.add(item);
            connections.getChildren().add(item);
            show(items.size() - 1, new ConnectionState.Connecting());
        }
        if (targets.isEmpty()) {
            Label none = new Label("No hosts — add one with Ctrl+Shift+A");
            none.getStyleClass().add(UiStyles.EMPTY_STATE);
            connections.getChildren().add(none);
        }
        activityToggle.setGraphic(Icons.of(Feather.ACTIVITY));
        activityToggle.selectedProperty().bindBidirectional(activity.openProperty());
        activityToggle.textProperty().bind(activity.runningCount().map(n ->
                n.intValue() == 0 ? "Activity" : "Activity · " + n + " running"));
    }

    public void show(int host, ConnectionState state) {
        Label item = items.get(host);
        item.setText(targets.get(host).label() + ": " + state.describe());
        FontIcon icon = Icons.of(Icons.forConnection(state));
        icon.getStyleClass().add(Icons.connectionStyle(state));
        item.setGraphic(icon);
    }
}
