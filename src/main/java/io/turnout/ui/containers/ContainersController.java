package io.turnout.ui.containers;

import atlantafx.base.controls.CustomTextField;
import io.turnout.docker.ContainerRow;
import io.turnout.docker.ContainerSnapshot;
import io.turnout.docker.Health;
import io.turnout.feed.Feed;
import io.turnout.ui.common.FxFeedBridge;
import io.turnout.ui.common.Icons;
import io.turnout.ui.common.Showing;
import io.turnout.ui.common.TreeSync;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Binds the live containers tree table to its view-model; the feed runs only while it is showing. */
public final class ContainersController {

    private final ContainersViewModel vm;
    private final Feed<ContainerSnapshot> feed;
    private final Consumer<ContainerRow> openDetail;
    private final Map<String, TreeItem<ContainersNode>> leaves = new HashMap<>();
    private final Timeline uptimeTicker;

    @FXML private VBox root;
    @FXML private CustomTextField filter;
    @FXML private Label count;
    @FXML private Label placeholder;
    @FXML private TreeTableView<ContainersNode> table;
    @FXML private TreeTableColumn<ContainersNode, ContainersNode> nameColumn;
    @FXML private TreeTableColumn<ContainersNode, String> stateColumn;
    @FXML private TreeTableColumn<ContainersNode, Health> healthColumn;
    @FXML private TreeTableColumn<ContainersNode, String> imageColumn;
    @FXML private TreeTableColumn<ContainersNode, String> colorColumn;
    @FXML private TreeTableColumn<ContainersNode, String> uptimeColumn;
    @FXML private TreeTableColumn<ContainersNode, String> portsColumn;
    @FXML private TreeTableColumn<ContainersNode, Number> restartsColumn;

    public ContainersController(ContainersViewModel vm, Feed<ContainerSnapshot> feed, Consumer<ContainerRow> openDetail) {
        this.vm = vm;
        this.feed = feed;
        this.openDetail = openDetail;
        this.uptimeTicker = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.tick()));
        uptimeTicker.setCycleCount(Timeline.INDEFINITE);
    }

    @FXML
    private void initialize() {
        filter.setLeft(Icons.of(Feather.SEARCH));
        filter.textProperty().bindBidirectional(vm.filterProperty());
        filter.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && !filter.getText().isEmpty()) {
                filter.clear();
                e.consume();
            }
        });

        nameColumn.setCellValueFactory(ContainerCells.node());
        nameColumn.setCellFactory(c -> ContainerCells.name());
        stateColumn.setCellValueFactory(ContainerCells.value(ContainerRow::state, g -> ""));
        stateColumn.setCellFactory(c -> ContainerCells.plain());
        healthColumn.setCellValueFactory(ContainerCells.value(ContainerRow::health, g -> null));
        healthColumn.setCellFactory(c -> ContainerCells.healthBadge());
        imageColumn.setCellValueFactory(ContainerCells.value(ContainerRow::image, g -> ""));
        imageColumn.setCellFactory(c -> ContainerCells.textWithTooltip());
        colorColumn.setCellValueFactory(ContainerCells.value(ContainerRow::color, g -> null));
        colorColumn.setCellFactory(c -> ContainerCells.colorChip());
        uptimeColumn.setCellValueFactory(ContainerCells.uptime());
        uptimeColumn.setCellFactory(c -> ContainerCells.plain());
        portsColumn.setCellValueFactory(ContainerCells.value(ContainerCells::ports, g -> ""));
        portsColumn.setCellFactory(c -> ContainerCells.textWithTooltip());
        restartsColumn.setCellValueFactory(ContainerCells.value(ContainerRow::restartCount, g -> null));
        restartsColumn.setCellFactory(c -> ContainerCells.plain());
        table.setRowFactory(t -> ContainerCells.row());
        table.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);

        table.setRoot(new TreeItem<>(new ContainersNode.Group("root", "", "")));
        table.getSelectionModel().selectedItemProperty().subscribe(item ->
                vm.select(item != null && item.getValue() instanceof ContainerItem c ? c.id() : null));
        table.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openSelected();
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
                e.consume();
            }
        });

        placeholder.textProperty().bind(vm.placeholderProperty());
        placeholder.graphicProperty().bind(vm.placeholderProperty().map(t -> vm.items().isEmpty()
                && !(vm.connectionProperty().get() instanceof io.turnout.target.ConnectionState.Connected)
                ? Icons.connectionGraphic(vm.connectionProperty().get()) : null));
        count.textProperty().bind(vm.countProperty());
        vm.structureProperty().subscribe(this::rebuild);
        FxFeedBridge.whileShowing(root, feed, vm::apply);
        Showing.of(root).subscribe(shown -> {
            if (Boolean.TRUE.equals(shown)) {
                uptimeTicker.play();
            } else {
                uptimeTicker.stop();
            }
        });
    }

    private void openSelected() {
        ContainerItem selected = vm.selectedProperty().get();
        if (selected != null) {
            openDetail.accept(selected.row());
        }
    }

    public void focusFilter() {
        filter.requestFocus();
        filter.selectAll();
    }

    public void focusTable() {
        table.requestFocus();
        if (table.getSelectionModel().isEmpty() && table.getExpandedItemCount() > 0) {
            table.getSelectionModel().select(0);
        }
    }

    /** Selects and reveals a container by id (e.g. the remembered last selection); false if absent. */
    public boolean select(String containerId) {
        TreeItem<ContainersNode> item = leaves.get(containerId);
        if (item == null) {
            return false;
        }
        table.getSelectionModel().select(item);
        table.scrollTo(Math.max(0, table.getRow(item) - 3));
        return true;
    }

    private void rebuild() {
        var before = table.getSelectionModel().getSelectedItem();
        String selectedKey = before == null || before.getValue() == null ? null : before.getValue().key();
        var groups = vm.groups();
        List<ContainersNode> stackNodes = new ArrayList<>();
        groups.forEach(s -> stackNodes.add(vm.groupNode(s.name(), null)));
        var stackItems = TreeSync.sync(table.getRoot(), stackNodes, ContainersNode::key);
        leaves.clear();
        for (var stack : groups) {
            TreeItem<ContainersNode> stackItem = expandNew(stackItems.get(vm.groupNode(stack.name(), null).key()));
            List<ContainersNode> children = new ArrayList<>();
            stack.services().forEach(s -> children.add(vm.groupNode(stack.name(), s.name())));
            children.addAll(stack.loose());
            var childItems = TreeSync.sync(stackItem, children, ContainersNode::key);
            stack.loose().forEach(c -> leaves.put(c.id(), childItems.get(c.id())));
            for (var service : stack.services()) {
                var serviceItem = expandNew(childItems.get(vm.groupNode(stack.name(), service.name()).key()));
                TreeSync.sync(serviceItem, service.members(), ContainersNode::key)
                        .forEach((k, v) -> leaves.put((String) k, v));
            }
        }
        var after = table.getSelectionModel().getSelectedItem();
        boolean stale = after != null && after.getValue() instanceof ContainerItem c && !leaves.containsKey(c.id());
        if (stale || selectedKey != null && (after == null || !selectedKey.equals(after.getValue().key()))) {
            // The selected container is gone: deselect rather than let selection slide onto a neighbour.
            table.getSelectionModel().clearSelection();
        }
    }

    private static TreeItem<ContainersNode> expandNew(TreeItem<ContainersNode> item) {
        if (item.getChildren().isEmpty()) {
            item.setExpanded(true);
        }
        return item;
    }
}
