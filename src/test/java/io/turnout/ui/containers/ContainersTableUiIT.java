package io.turnout.ui.containers;

import io.turnout.activity.ActivityLog;
import io.turnout.docker.ContainerRow;
import io.turnout.docker.ContainerSnapshot;
import io.turnout.docker.Health;
import io.turnout.testing.FxWait;
import io.turnout.ui.common.FxTaskRunner;
import io.turnout.ui.fixtures.FixtureDockerHost;
import io.turnout.ui.fixtures.Rows;
import io.turnout.ui.shell.ShellFactory;
import io.turnout.ui.shell.UiStateStore;
import javafx.application.ColorScheme;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The containers table with many rows ({@link FixtureDockerHost}: UI-behaviour fixture, not an
 * engine): a changed container redraws its own cells; no row is laid out or re-styled again.
 */
@ExtendWith(ApplicationExtension.class)
class ContainersTableUiIT {

    @TempDir
    static Path config;

    private final List<ContainerRow> rows = new ArrayList<>();
    private FixtureDockerHost host;

    @Start
    void start(Stage stage) {
        for (int k = 0; k < 300; k++) {
            rows.add(new ContainerRow("%064x".formatted(k), "scale-%04d".formatted(k), "turnout-fixture/app:v1", "created",
                    Health.NONE, "scale-" + (k % 3), "svc", null, List.of(), 0, Rows.T0, null, "Created"));
        }
        host = new FixtureDockerHost("ssh://deploy@many", snapshot(1));
        var shell = new ShellFactory(List.of(host), new ActivityLog(Clock.systemUTC()), FxTaskRunner.withDaemonPool(),
                new UiStateStore(config), () -> Rows.T0, new SimpleObjectProperty<>(ColorScheme.LIGHT), r -> { }).create();
        shell.mount(stage);
        stage.setWidth(1400);
        stage.setHeight(820);
        stage.show();
    }

    @Test
    void aChangedContainerRedrawsItsOwnCellsWithoutLayingOutAnyRow(FxRobot robot) throws Exception {
        ContainerRow third = rows.get(6); // scale-0006: the third row under scale-0 / svc, on screen
        FxWait.until(10, () -> cellText(robot, third.name(), 1).equals("created"));
        WaitForAsyncUtils.waitForFxEvents();
        // A row that needs layout is re-styled (applyCss) and re-laid out by the table's VirtualFlow,
        // and one such row makes the flow rebuild all visible rows: the cost this guards against.
        AtomicInteger rowLayouts = new AtomicInteger();
        robot.interact(() -> table(robot).lookupAll(".tree-table-row-cell").forEach(row ->
                ((Parent) row).needsLayoutProperty().addListener((o, was, needs) -> {
                    if (needs) {
                        rowLayouts.incrementAndGet();
                    }
                })));

        rows.set(6, new ContainerRow(third.id(), third.name(), third.image(), "running", Health.UNHEALTHY, third.stack(),
                third.service(), null, List.of(), 0, Rows.T0, Rows.T0.minusSeconds(42), "Up 42 seconds"));
        host.publish(snapshot(2));

        // The drawn text (a Labeled's Text node) only changes in the cell's own layout pass.
        FxWait.until(10, () -> cellText(robot, third.name(), 1).equals("running")
                && badgeText(robot, third.name()).startsWith("unheal") // the 100 px column may cut the badge short
                && cellText(robot, third.name(), 5).equals("42s"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rowLayouts).as("times a table row needed layout").hasValue(0);
        assertThat(table(robot).getFixedCellSize()).as("rows are fixed (turnout.css)").isEqualTo(28);
    }

    private ContainerSnapshot snapshot(long seq) {
        return Rows.snapshot(seq, rows.toArray(ContainerRow[]::new));
    }

    @SuppressWarnings("unchecked")
    private static TreeTableView<ContainersNode> table(FxRobot robot) {
        return robot.lookup(".containers-view .tree-table-view").queryAs(TreeTableView.class);
    }

    /** The text drawn in column {@code column} of the visible row of container {@code name}; "" if none is shown. */
    private static String cellText(FxRobot robot, String name, int column) throws Exception {
        return FxWait.onFx(() -> {
            TreeTableCell<?, ?> cell = cell(robot, name, column);
            Text text = cell == null ? null : (Text) cell.lookup(".text");
            return text == null ? "" : text.getText();
        });
    }

    private static String badgeText(FxRobot robot, String name) throws Exception {
        return FxWait.onFx(() -> {
            TreeTableCell<?, ?> cell = cell(robot, name, 2);
            return cell != null && cell.getGraphic() instanceof Label badge && badge.lookup(".text") instanceof Text t ? t.getText() : "";
        });
    }

    private static TreeTableCell<?, ?> cell(FxRobot robot, String name, int column) {
        for (Node n : table(robot).lookupAll(".tree-table-row-cell")) {
            if (n instanceof TreeTableRow<?> row && n.isVisible() && row.getItem() instanceof ContainerItem c && c.row().name().equals(name)) {
                List<Node> cells = row.getChildrenUnmodifiable().stream().filter(k -> k instanceof TreeTableCell<?, ?>).toList();
                return column < cells.size() ? (TreeTableCell<?, ?>) cells.get(column) : null;
            }
        }
        return null;
    }
}
