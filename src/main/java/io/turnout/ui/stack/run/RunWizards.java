package io.turnout.ui.stack.run;

import io.turnout.ui.common.UiStyles;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.Pane;
import javafx.stage.WindowEvent;

/** What every wizard that ends in a plan run (upgrade, migration) does with its window and its step indicator. */
public final class RunWizards {

    private RunWizards() {
    }

    /**
     * The wizard's window hides once {@code done}, and refuses to close while its run is RUNNING:
     * the operator aborts first, so closing never leaves a release or migration running unseen.
     */
    public static void bindWindow(Parent root, RunViewModel run, ObservableValue<Boolean> done) {
        done.subscribe(d -> {
            if (d) {
                root.getScene().getWindow().hide();
            }
        });
        root.sceneProperty().flatMap(s -> s.windowProperty()).subscribe(w -> {
            if (w != null) {
                w.addEventFilter(WindowEvent.WINDOW_CLOSE_REQUEST, e -> {
                    if (run.phaseProperty().get() == RunViewModel.Phase.RUNNING) {
                        e.consume();
                    }
                });
            }
        });
    }

    /** Styles the indicator's steps: those before {@code current} done, {@code current} current. */
    public static void markSteps(Pane indicator, int current) {
        for (int i = 0; i < indicator.getChildren().size(); i++) {
            Node n = indicator.getChildren().get(i);
            n.getStyleClass().removeAll(UiStyles.WIZARD_STEP_CURRENT, UiStyles.WIZARD_STEP_DONE);
            if (i == current) {
                n.getStyleClass().add(UiStyles.WIZARD_STEP_CURRENT);
            } else if (i < current) {
                n.getStyleClass().add(UiStyles.WIZARD_STEP_DONE);
            }
        }
    }
}
