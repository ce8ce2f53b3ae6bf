package io.turnout.ui.migrate;

import atlantafx.base.theme.Styles;
import io.turnout.migrate.MigrationReport;
import io.turnout.migrate.Risk;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.function.Function;

/** The columns of the wizard's tables: statements (risk coloured), shadow findings, live lock waits. */
final class MigrationTables {

    static final String RISK_CELL = "risk-cell";

    private MigrationTables() {
    }

    static void statements(TableView<StatementRow> t) {
        t.getColumns().setAll(java.util.List.of(
                col("#", 36, r -> r.op().index()),
                col("Line", 46, r -> r.op().line()),
                col("Statement", 210, StatementRow::firstLine),
                col("Type", 190, r -> r.op().type()),
                col("Tables", 90, StatementRow::tables),
                col("Lock", 150, StatementRow::lock),
                col("Rewrite", 70, r -> r.op().rewrites().json()),
                riskColumn(),
                col("Class", 110, r -> r.op().migrationClass().json())));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private static TableColumn<StatementRow, Risk> riskColumn() {
        TableColumn<StatementRow, Risk> c = new TableColumn<>("Risk");
        c.setPrefWidth(64);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().op().risk()));
        c.setCellFactory(x -> new TableCell<>() {
            @Override
            protected void updateItem(Risk risk, boolean empty) {
                super.updateItem(risk, empty);
                if (empty || risk == null) {
                    setGraphic(null);
                    return;
                }
                Label l = new Label(risk.name());
                l.getStyleClass().addAll(RISK_CELL, riskStyle(risk));
                setGraphic(l);
            }
        });
        return c;
    }

    /** AtlantaFX's colour for a risk: LOW success, MEDIUM warning, HIGH danger. */
    static String riskStyle(Risk risk) {
        return switch (risk) {
            case LOW -> Styles.SUCCESS;
            case MEDIUM -> Styles.WARNING;
            case HIGH -> Styles.DANGER;
        };
    }

    static void shadow(TableView<MigrationReport.ShadowLine> t) {
        t.getColumns().setAll(java.util.List.of(
                col("File", 160, MigrationReport.ShadowLine::file),
                col("#", 40, MigrationReport.ShadowLine::index),
                col("Line", 50, MigrationReport.ShadowLine::line),
                col("Expected", 260, MigrationReport.ShadowLine::expected),
                col("Observed", 260, MigrationReport.ShadowLine::observed),
                agreesColumn()));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private static TableColumn<MigrationReport.ShadowLine, Boolean> agreesColumn() {
        TableColumn<MigrationReport.ShadowLine, Boolean> c = new TableColumn<>("Agrees");
        c.setPrefWidth(80);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().agrees()));
        c.setCellFactory(x -> new TableCell<>() {
            @Override
            protected void updateItem(Boolean agrees, boolean empty) {
                super.updateItem(agrees, empty);
                if (empty || agrees == null) {
                    setGraphic(null);
                    return;
                }
                Label l = new Label(agrees ? "yes" : "no");
                l.getStyleClass().add(agrees ? Styles.SUCCESS : Styles.DANGER);
                setGraphic(l);
            }
        });
        return c;
    }

    static void lockWaits(TableView<LockWaitRow> t) {
        t.getColumns().setAll(java.util.List.of(
                col("PID", 70, LockWaitRow::pid),
                col("Session", 150, LockWaitRow::session),
                col("Waits", 190, LockWaitRow::direction),
                col("Blocked by", 110, LockWaitRow::blockedBy),
                col("Waiting (s)", 90, r -> String.format(java.util.Locale.ROOT, "%.1f", r.waitedSeconds())),
                col("Query", 360, LockWaitRow::query)));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label("No session is waiting for a lock."));
    }

    private static <R, V> TableColumn<R, V> col(String title, double width, Function<R, V> value) {
        TableColumn<R, V> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }
}
