package io.turnout.ui.stack.run;

import atlantafx.base.theme.Styles;
import io.turnout.probe.ProbeReport;
import io.turnout.ui.common.UiStyles;
import io.turnout.ui.stack.ReleaseText;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The switch probe's figures: requests sent, failed, the mixed-versions window, p99 latency before,
 * during and after the switch, and which versions answered. Follows a report property; shows a
 * hint until the first report arrives.
 */
public final class ProbePanel {

    private final GridPane grid = new GridPane();
    private final Label sent = figure();
    private final Label failed = figure();
    private final Label mixed = figure();
    private final Label p99 = figure();
    private final Label versions = new Label();
    private final Label hint = new Label("The probe sends requests through the public frontend while traffic moves.");
    private final VBox root = new VBox(8, hint, grid, versions);

    public ProbePanel(ObservableValue<ProbeReport> report) {
        root.getStyleClass().add(UiStyles.PROBE_PANEL);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        versions.getStyleClass().add(Styles.TEXT_MUTED);
        grid.setHgap(24);
        grid.setVgap(2);
        add(0, sent, "requests");
        add(1, failed, "failed");
        add(2, mixed, "mixed versions");
        add(3, p99, "p99 before → during → after");
        report.subscribe(this::show);
    }

    public VBox node() {
        return root;
    }

    private void add(int column, Label value, String caption) {
        Label c = new Label(caption);
        c.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        grid.add(value, column, 0);
        grid.add(c, column, 1);
    }

    private static Label figure() {
        Label l = new Label("—");
        l.getStyleClass().addAll(Styles.TITLE_3, UiStyles.PROBE_FIGURE);
        return l;
    }

    private void show(ProbeReport r) {
        hint.setVisible(r == null);
        hint.setManaged(r == null);
        sent.setText(r == null ? "—" : ReleaseText.count(r.sent()));
        failed.setText(r == null ? "—" : ReleaseText.count(r.failed()));
        failed.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
        if (r != null) {
            failed.getStyleClass().add(r.failed() == 0 ? Styles.SUCCESS : Styles.DANGER);
        }
        mixed.setText(r == null ? "—" : r.mixedWindowMillis() + " ms");
        p99.setText(ReleaseText.p99(r));
        versions.setText(r == null || r.byVersion().isEmpty() ? "" : "answered by " + byVersion(r.byVersion())
                + (r.firstFailures().isEmpty() ? "" : " · first failures: " + String.join("; ", r.firstFailures())));
        versions.setManaged(!versions.getText().isEmpty());
    }

    private static String byVersion(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + ReleaseText.count(e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
