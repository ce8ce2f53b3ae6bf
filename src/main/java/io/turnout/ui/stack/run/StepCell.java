package io.turnout.ui.stack.run;

import atlantafx.base.theme.Styles;
import io.turnout.plan.StepStatus;
import io.turnout.ui.common.Icons;
import io.turnout.ui.common.UiStyles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A step in the run list: status icon, number and title, "changes traffic" / "no undo" markers,
 * the preview details (router diff...), and while it runs its latest log line, then its outcome.
 */
public final class StepCell extends ListCell<StepItem> {

    private final StackPane icon = new StackPane();
    private final Label title = new Label();
    private final Label traffic = badge("changes traffic", UiStyles.MARKER_DANGEROUS);
    private final Label noUndo = badge("no undo", UiStyles.MARKER_NO_UNDO);
    private final Label details = new Label();
    private final Label line = new Label();
    private final VBox text = new VBox(2, new HBox(6, title, traffic, noUndo), details, line);
    private final HBox box = new HBox(10, icon, text);
    private Subscription watching = Subscription.EMPTY;

    public StepCell() {
        getStyleClass().add(UiStyles.STEP_CELL);
        icon.setMinWidth(18);
        icon.setAlignment(Pos.TOP_CENTER);
        title.setWrapText(true);
        title.getStyleClass().add(Styles.TEXT_BOLD);
        details.getStyleClass().addAll(UiStyles.MONO, Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        details.setWrapText(true);
        line.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        line.setWrapText(true);
        // wrapped labels in a list cell need a width to wrap at: the cell's, less the icon and padding
        text.setMinWidth(0);
        text.prefWidthProperty().bind(widthProperty().subtract(60));
        text.maxWidthProperty().bind(text.prefWidthProperty());
        for (Label l : new Label[] {title, details, line}) {
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.setMaxWidth(Double.MAX_VALUE);
        }
        title.setMinWidth(0);
        HBox.setHgrow(title, Priority.SOMETIMES);
    }

    private static Label badge(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().addAll(UiStyles.BADGE, style);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    @Override
    protected void updateItem(StepItem item, boolean empty) {
        super.updateItem(item, empty);
        watching.unsubscribe();
        watching = Subscription.EMPTY;
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        show(traffic, item.dangerous());
        show(noUndo, item.pointOfNoReturn());
        details.setText(String.join("\n", item.details()));
        show(details, !item.details().isEmpty());
        int number = getIndex() + 1;
        watching = item.titleProperty().subscribe(t -> title.setText(number + ". " + t))
                .and(item.statusProperty().subscribe(s -> refresh(item)))
                .and(item.lastLineProperty().subscribe(l -> refresh(item)))
                .and(item.outcomeProperty().subscribe(o -> refresh(item)));
        setGraphic(box);
    }

    private void refresh(StepItem item) {
        StepStatus status = item.statusProperty().get();
        icon.getChildren().setAll(statusGraphic(status));
        String text = status == StepStatus.RUNNING ? item.lastLineProperty().get() : item.outcomeProperty().get();
        line.setText(text);
        show(line, text != null && !text.isEmpty());
        line.getStyleClass().remove(Styles.DANGER);
        if (status == StepStatus.FAILED || status == StepStatus.COMPENSATION_FAILED) {
            line.getStyleClass().add(Styles.DANGER);
        }
    }

    static Node statusGraphic(StepStatus status) {
        if (status == StepStatus.RUNNING) {
            ProgressIndicator spinner = new ProgressIndicator(ProgressIndicator.INDETERMINATE_PROGRESS);
            spinner.getStyleClass().add(UiStyles.SPINNER);
            spinner.setPrefSize(16, 16);
            spinner.setMaxSize(16, 16);
            return spinner;
        }
        FontIcon i = Icons.of(switch (status) {
            case PENDING -> Feather.CIRCLE;
            case DONE -> Feather.CHECK_CIRCLE;
            case FAILED -> Feather.X_CIRCLE;
            case SKIPPED -> Feather.SKIP_FORWARD;
            case COMPENSATED -> Feather.ROTATE_CCW;
            case COMPENSATION_FAILED -> Feather.ALERT_TRIANGLE;
            case RUNNING -> Feather.LOADER;
        });
        i.getStyleClass().add(switch (status) {
            case DONE -> UiStyles.STATE_OK;
            case FAILED, COMPENSATION_FAILED -> UiStyles.STATE_BAD;
            case COMPENSATED -> UiStyles.STATE_WARN;
            default -> UiStyles.STATE_IDLE;
        });
        return i;
    }

    private static void show(Node n, boolean visible) {
        n.setVisible(visible);
        n.setManaged(visible);
    }
}
