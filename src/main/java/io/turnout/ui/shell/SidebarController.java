package io.turnout.ui.shell;

import io.turnout.target.TargetUri;
import io.turnout.ui.common.Icons;
import io.turnout.ui.common.TreeSync;
import io.turnout.ui.common.UiStyles;
import javafx.fxml.FXML;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import javafx.util.Subscription;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The sidebar tree; Enter or double-click opens the node's tab, a host's context menu removes it.
 * Selection survives updates (keyed diff).
 */
public final class SidebarController {

    private final SidebarViewModel vm;
    private final Consumer<SidebarNode> open;
    private final Consumer<String> selectionChanged;
    private final Consumer<TargetUri> removeHost;
    private final Map<String, TreeItem<SidebarItem>> byKey = new HashMap<>();
    private final Map<String, SidebarItem> values = new HashMap<>();
    private String pendingSelection;

    @FXML private TreeView<SidebarItem> tree;

    public SidebarController(SidebarViewModel vm, Consumer<SidebarNode> open, Consumer<String> selectionChanged,
                             String initialSelection, Consumer<TargetUri> removeHost) {
        this.vm = vm;
        this.open = open;
        this.selectionChanged = selectionChanged;
        this.removeHost = removeHost;
        this.pendingSelection = initialSelection;
    }

    @FXML
    private void initialize() {
        tree.setRoot(new TreeItem<>());
        tree.setShowRoot(false);
        tree.setCellFactory(t -> new NodeCell());
        tree.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        tree.getSelectionModel().selectedItemProperty().subscribe(item -> {
            if (item != null && item.getValue() != null) {
                selectionChanged.accept(item.getValue().key());
            }
        });
        tree.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
                e.consume();
            }
        });
        tree.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openSelected();
            }
        });
        vm.versionProperty().subscribe(this::rebuild);
    }

    private void openSelected() {
        TreeItem<SidebarItem> item = tree.getSelectionModel().getSelectedItem();
        if (item != null && item.getValue() != null) {
            open.accept(item.getValue().node());
        }
    }

    public void focus() {
        tree.requestFocus();
        if (tree.getSelectionModel().isEmpty() && tree.getExpandedItemCount() > 0) {
            tree.getSelectionModel().select(0);
        }
    }

    private void rebuild() {
        var before = tree.getSelectionModel().getSelectedItem();
        String selectedKey = before == null || before.getValue() == null ? null : before.getValue().key();
        byKey.clear();
        sync(tree.getRoot(), vm.tree());
        values.keySet().retainAll(byKey.keySet());
        var after = tree.getSelectionModel().getSelectedItem();
        boolean stale = after != null && after.getValue() != null && byKey.get(after.getValue().key()) != after;
        if (stale || selectedKey != null && (after == null || !selectedKey.equals(after.getValue().key()))) {
            tree.getSelectionModel().clearSelection();
        }
        if (pendingSelection != null && byKey.containsKey(pendingSelection)) {
            tree.getSelectionModel().select(byKey.get(pendingSelection));
            pendingSelection = null;
        }
    }

    /** Keyed diff into long-lived {@link SidebarItem}s: a changed node updates its item, never the tree item's value. */
    private void sync(TreeItem<SidebarItem> parent, List<SidebarNode.Tree> children) {
        List<SidebarItem> wanted = new ArrayList<>(children.size());
        for (SidebarNode.Tree child : children) {
            SidebarItem value = values.computeIfAbsent(child.node().key(), k -> new SidebarItem(child.node()));
            value.update(child.node());
            wanted.add(value);
        }
        var items = TreeSync.sync(parent, wanted, SidebarItem::key);
        for (SidebarNode.Tree child : children) {
            TreeItem<SidebarItem> item = items.get(child.node().key());
            byKey.put(child.node().key(), item);
            if (item.getChildren().isEmpty() && child.node().kind() != SidebarNode.Kind.SERVICE) {
                item.setExpanded(true);
            }
            sync(item, child.children());
        }
    }

    private final class NodeCell extends TreeCell<SidebarItem> {
        private final MenuItem remove = new MenuItem("Remove host");
        private final ContextMenu targetMenu = new ContextMenu(remove);
        private final Tooltip tooltip = new Tooltip();
        private final FontIcon icon = Icons.of(Feather.BOX);
        private Subscription watching = Subscription.EMPTY;

        NodeCell() {
            remove.setGraphic(Icons.of(Feather.X_SQUARE));
            remove.setOnAction(e -> {
                if (getItem() != null) {
                    removeHost.accept(getItem().node().target());
                }
            });
        }

        @Override
        protected void updateItem(SidebarItem item, boolean empty) {
            super.updateItem(item, empty);
            watching.unsubscribe();
            watching = empty || item == null ? Subscription.EMPTY : item.nodeProperty().subscribe(this::show);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                setContextMenu(null);
            }
        }

        /** Draws {@code node}; runs again whenever the item's node changes in place. Reuses this cell's icon. */
        private void show(SidebarNode node) {
            setText(node.label());
            setContextMenu(node.kind() == SidebarNode.Kind.TARGET ? targetMenu : null);
            if (node.kind() == SidebarNode.Kind.TARGET) {
                tooltip.setText(node.target() + "\n" + node.connection().describe());
                setTooltip(tooltip);
                setGraphic(Icons.connectionGraphic(node.connection()));
                return;
            }
            setTooltip(null);
            icon.setIconCode(switch (node.kind()) {
                case STACK -> Feather.LAYERS;
                case SERVICE -> Feather.GRID;
                default -> node.row().running() ? Feather.BOX : Feather.SQUARE;
            });
            icon.getStyleClass().removeAll(STATE_STYLES);
            if (node.kind() == SidebarNode.Kind.CONTAINER) {
                icon.getStyleClass().add(switch (node.row().health()) {
                    case UNHEALTHY -> UiStyles.STATE_BAD;
                    case STARTING -> UiStyles.STATE_WARN;
                    default -> node.row().running() ? UiStyles.STATE_OK : UiStyles.EMPTY_STATE;
                });
            }
            setGraphic(icon);
        }
    }

    private static final List<String> STATE_STYLES = List.of(UiStyles.STATE_BAD, UiStyles.STATE_WARN, UiStyles.STATE_OK, UiStyles.EMPTY_STATE);
}
