package io.turnout.ui.containers;

import atlantafx.base.theme.Styles;
import io.turnout.docker.ContainerRow;
import io.turnout.docker.Health;
import io.turnout.ui.common.ContainedTreeTableCell;
import io.turnout.ui.common.UiStyles;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.Tooltip;
import javafx.geometry.Pos;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.Callback;

import java.util.function.Function;

/**
 * Cell value and cell factories for the containers tree table: badges, chips and group rows. Every
 * cell is a {@link ContainedTreeTableCell}, so a changed value re-lays out that cell alone (the
 * table has a fixed cell size, see turnout.css).
 */
final class ContainerCells {

    private static final PseudoClass GROUP = PseudoClass.getPseudoClass(UiStyles.GROUP_ROW);

    private ContainerCells() {
    }

    /** A column showing {@code forRow} of a container and {@code forGroup} of a stack/service heading. */
    static <V> Callback<TreeTableColumn.CellDataFeatures<ContainersNode, V>, ObservableValue<V>> value(
            Function<ContainerRow, V> forRow, Function<ContainersNode.Group, V> forGroup) {
        return p -> switch (p.getValue().getValue()) {
            case ContainerItem item -> item.rowProperty().map(forRow);
            case ContainersNode.Group group -> new ReadOnlyObjectWrapper<>(forGroup.apply(group));
            case null -> new ReadOnlyObjectWrapper<>();
        };
    }

    /** The node itself, for cells that render groups and containers differently. */
    static Callback<TreeTableColumn.CellDataFeatures<ContainersNode, ContainersNode>, ObservableValue<ContainersNode>> node() {
        return p -> p.getValue().valueProperty();
    }

    static Callback<TreeTableColumn.CellDataFeatures<ContainersNode, String>, ObservableValue<String>> uptime() {
        return p -> p.getValue().getValue() instanceof ContainerItem item ? item.uptimeProperty() : new ReadOnlyObjectWrapper<>("");
    }

    /** Headings render bold and span their summary into the state column. */
    static TreeTableRow<ContainersNode> row() {
        return new TreeTableRow<>() {
            @Override
            protected void updateItem(ContainersNode item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(GROUP, !empty && item instanceof ContainersNode.Group);
            }
        };
    }

    /** "127.0.0.1:8080→80", "5432": compact, protocol only when not tcp. */
    static String ports(ContainerRow r) {
        return String.join(", ", r.ports().stream().map(p -> {
            String inner = p.containerPort() + ("tcp".equals(p.protocol()) ? "" : "/" + p.protocol());
            if (p.hostPort() <= 0) {
                return inner;
            }
            String ip = p.hostIp() == null || p.hostIp().isEmpty() || p.hostIp().equals("0.0.0.0") ? "" : p.hostIp() + ":";
            return ip + p.hostPort() + "→" + inner;
        }).toList());
    }

    /** The value's text, as the default cell factory shows it. */
    static <V> TreeTableCell<ContainersNode, V> plain() {
        return new ContainedTreeTableCell<>() {
            @Override
            protected void updateItem(V value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null ? null : value.toString());
                setGraphic(null);
            }
        };
    }

    /** Plain text that may be cut short by the column: the full text is in the tooltip. */
    static TreeTableCell<ContainersNode, String> textWithTooltip() {
        return new ContainedTreeTableCell<>() {
            private final Tooltip tooltip = new Tooltip();

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                boolean blank = empty || text == null || text.isEmpty();
                setText(blank ? null : text);
                tooltip.setText(blank ? "" : text);
                setTooltip(blank ? null : tooltip);
            }
        };
    }

    /**
     * Container name, or a group heading's title followed by its muted summary ("2/3 running · 1
     * unhealthy"). Headings draw both as one graphic: the tree column's skin lays out a text+graphic
     * pair next to the disclosure arrow badly.
     */
    static TreeTableCell<ContainersNode, ContainersNode> name() {
        return new ContainedTreeTableCell<>() {
            private final Tooltip tooltip = new Tooltip();
            private final Label title = new Label();
            private final Label summary = new Label();
            private final HBox heading = new HBox(12, title, summary);

            {
                title.setMinWidth(Region.USE_PREF_SIZE);
                summary.getStyleClass().addAll(Styles.TEXT_MUTED, UiStyles.GROUP_SUMMARY);
                heading.setAlignment(Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(ContainersNode node, boolean empty) {
                super.updateItem(node, empty);
                summary.textProperty().unbind();
                tooltip.textProperty().unbind();
                switch (empty ? null : node) {
                    case ContainersNode.Group g -> {
                        // Summaries change in place (the tree item keeps its value), so the cell follows them.
                        title.setText(g.title());
                        summary.textProperty().bind(g.summaryProperty());
                        setText(null);
                        setGraphic(heading);
                        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
                        tooltip.textProperty().bind(g.summaryProperty().map(text -> g.title() + " · " + text));
                        setTooltip(tooltip);
                    }
                    case ContainerItem c -> {
                        setText(c.row().name());
                        setGraphic(null);
                        setContentDisplay(ContentDisplay.TEXT_ONLY);
                        tooltip.setText(c.row().name());
                        setTooltip(tooltip);
                    }
                    case null -> {
                        setText(null);
                        setGraphic(null);
                        setTooltip(null);
                    }
                }
            }
        };
    }

    static TreeTableCell<ContainersNode, Health> healthBadge() {
        return new BadgeCell<>(h -> switch (h) {
            case HEALTHY -> UiStyles.HEALTH_HEALTHY;
            case STARTING -> UiStyles.HEALTH_STARTING;
            case UNHEALTHY -> UiStyles.HEALTH_UNHEALTHY;
            case NONE -> null;
        }, h -> h == Health.NONE ? "no check" : h.name().toLowerCase());
    }

    static TreeTableCell<ContainersNode, String> colorChip() {
        return new BadgeCell<>(c -> switch (c) {
            case "blue" -> UiStyles.COLOR_BLUE;
            case "green" -> UiStyles.COLOR_GREEN;
            default -> null;
        }, c -> c);
    }

    /** A cell showing a small rounded label; values without a style render as muted text. */
    private static final class BadgeCell<V> extends ContainedTreeTableCell<ContainersNode, V> {
        private final Function<V, String> style;
        private final Function<V, String> text;
        private final Label badge = new Label();

        BadgeCell(Function<V, String> style, Function<V, String> text) {
            this.style = style;
            this.text = text;
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(V value, boolean empty) {
            super.updateItem(value, empty);
            if (empty || value == null) {
                setGraphic(null);
                return;
            }
            String cls = style.apply(value);
            badge.setText(text.apply(value));
            badge.getStyleClass().setAll("label", cls == null ? Styles.TEXT_MUTED : UiStyles.BADGE);
            if (cls != null) {
                badge.getStyleClass().add(cls);
            }
            setGraphic(badge);
        }
    }
}
