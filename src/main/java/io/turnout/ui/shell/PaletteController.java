package io.turnout.ui.shell;

import atlantafx.base.theme.Styles;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;

/** Ctrl+K overlay: type to filter, Up/Down to choose, Enter runs, Esc (or a click outside) closes. */
public final class PaletteController {

    private final PaletteViewModel vm;
    private Node returnFocus;

    @FXML private StackPane root;
    @FXML private TextField query;
    @FXML private ListView<PaletteViewModel.Command> results;

    public PaletteController(PaletteViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        root.setVisible(false);
        query.textProperty().bindBidirectional(vm.queryProperty());
        results.setItems(vm.results());
        results.setCellFactory(l -> new CommandCell());
        results.getStyleClass().add(Styles.DENSE);
        vm.results().subscribe(() -> results.getSelectionModel().selectFirst());
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!root.isVisible()) {
                return; // a key repeat after Enter ran a command: the hidden query may still hold the focus
            }
            switch (e.getCode()) {
                case ESCAPE -> close();
                case ENTER -> runSelected();
                case DOWN -> move(1);
                case UP -> move(-1);
                default -> { return; }
            }
            e.consume();
        });
        root.setOnMouseClicked(e -> {
            if (e.getTarget() == root) {
                close();
            }
        });
        results.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                runSelected();
            }
        });
    }

    public boolean isOpen() {
        return root.isVisible();
    }

    public void open() {
        returnFocus = root.getScene() == null ? null : root.getScene().getFocusOwner();
        vm.open();
        root.setVisible(true);
        query.requestFocus();
    }

    public void close() {
        root.setVisible(false);
        if (returnFocus != null) {
            returnFocus.requestFocus();
        }
    }

    private void move(int delta) {
        int size = results.getItems().size();
        if (size > 0) {
            int next = Math.floorMod(results.getSelectionModel().getSelectedIndex() + delta, size);
            results.getSelectionModel().select(next);
            results.scrollTo(next);
        }
    }

    private void runSelected() {
        PaletteViewModel.Command c = results.getSelectionModel().getSelectedItem();
        returnFocus = null;
        root.setVisible(false);
        vm.run(c);
    }

    private static final class CommandCell extends ListCell<PaletteViewModel.Command> {
        private final Label title = new Label();
        private final Label kind = new Label();
        private final HBox box = new HBox(8, title, kind);

        {
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        }

        CommandCell() {
            kind.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            HBox.setHgrow(title, Priority.ALWAYS);
            title.setMaxWidth(Double.MAX_VALUE);
        }

        @Override
        protected void updateItem(PaletteViewModel.Command c, boolean empty) {
            super.updateItem(c, empty);
            title.setText(empty || c == null ? null : c.title());
            kind.setText(empty || c == null ? null : c.kind());
            setGraphic(empty || c == null ? null : box);
        }
    }
}
