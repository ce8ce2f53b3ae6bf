package io.turnout.ui.migrate;

import atlantafx.base.theme.Styles;
import io.turnout.ui.common.Icons;
import javafx.scene.control.ListCell;
import org.kordamp.ikonli.feather.Feather;

/** A phase of the expand/contract plan: its file, and a warning icon once a code rollback is no longer safe. */
final class PhaseCell extends ListCell<PlannedPhase> {

    @Override
    protected void updateItem(PlannedPhase p, boolean empty) {
        super.updateItem(p, empty);
        getStyleClass().remove(Styles.DANGER);
        if (empty || p == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        setText(p.phase() + " · " + p.fileName() + (p.rollbackSafeAfter() ? "" : "\ncode rollback unsafe after this phase"));
        setGraphic(Icons.of(p.rollbackSafeAfter() ? Feather.CHECK : Feather.ALERT_TRIANGLE));
        if (!p.rollbackSafeAfter()) {
            getStyleClass().add(Styles.DANGER);
        }
    }
}
