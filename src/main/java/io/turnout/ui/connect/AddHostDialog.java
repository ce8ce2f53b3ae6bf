package io.turnout.ui.connect;

import atlantafx.base.theme.Styles;
import io.turnout.profile.ConnectionProfile;
import io.turnout.ui.common.UiStyles;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * "Add host…": an ssh:// URI, an ssh-config alias or a known host's name, plus an optional remote
 * socket; validated as typed. Known hosts (the host catalog) are suggested under the field —
 * Up/Down pick one, Enter or a click puts it into the field — and a new host can be remembered.
 */
public final class AddHostDialog extends Dialog<AddHostRequest> {

    private static final int SUGGESTION_ROWS = 5;

    public AddHostDialog(Window owner) {
        this(owner, FXCollections.observableArrayList());
    }

    /** @param catalog the operator's known hosts, suggested as they type; may fill in while the dialog shows */
    public AddHostDialog(Window owner, ObservableList<ConnectionProfile> catalog) {
        this(owner, new AddHostViewModel(catalog));
    }

    AddHostDialog(Window owner, AddHostViewModel vm) {
        initOwner(owner);
        getDialogPane().getStylesheets().add(UiStyles.CSS);
        setTitle("Add host");
        setHeaderText("Add a Docker host");
        TextField uri = new TextField();
        uri.setPromptText("ssh://deploy@prod-1, an ssh-config alias or a known host");
        uri.setPrefColumnCount(34);
        uri.textProperty().bindBidirectional(vm.uriProperty());
        ListView<ConnectionProfile> suggestions = suggestions(vm);
        Label known = new Label();
        known.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        known.textProperty().bind(vm.knownProperty().map(p -> "Known host · " + KnownHostText.detail(p)).orElse(""));
        known.visibleProperty().bind(vm.knownProperty().isNotNull());
        TextField socket = new TextField();
        socket.setPromptText("/var/run/docker.sock (optional)");
        socket.textProperty().bindBidirectional(vm.socketProperty());
        CheckBox remember = new CheckBox("_Remember this host");
        remember.setMnemonicParsing(true);
        remember.selectedProperty().bindBidirectional(vm.rememberProperty());
        remember.visibleProperty().bind(vm.knownProperty().isNull());
        Label problem = new Label();
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.setMaxWidth(460);
        problem.textProperty().bind(vm.problemProperty());

        GridPane form = new GridPane(12, 8);
        form.addRow(0, label("_Host", uri), uri);
        form.add(suggestions, 1, 1);
        form.addRow(2, label("Remote _socket", socket), socket);
        // A known host has nothing to remember: the row says where it is known from instead.
        form.add(new javafx.scene.layout.StackPane(remember, known), 1, 3);
        javafx.scene.layout.StackPane.setAlignment(remember, Pos.CENTER_LEFT);
        javafx.scene.layout.StackPane.setAlignment(known, Pos.CENTER_LEFT);
        getDialogPane().setContent(new VBox(10, form, problem));
        pickWithArrowKeys(uri, suggestions, vm);

        ButtonType add = new ButtonType("Add host", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(add, ButtonType.CANCEL);
        Button addButton = (Button) getDialogPane().lookupButton(add);
        addButton.disableProperty().bind(vm.acceptable().not());
        setResultConverter(b -> b == add ? vm.request() : null);
        setOnShown(e -> Platform.runLater(uri::requestFocus));
        // Known hosts load in the background; make room when they arrive after the dialog opened.
        javafx.collections.ListChangeListener<ConnectionProfile> resize = c -> Platform.runLater(() -> {
            if (isShowing()) {
                getDialogPane().getScene().getWindow().sizeToScene();
            }
        });
        vm.catalog().addListener(resize);
        addEventHandler(javafx.scene.control.DialogEvent.DIALOG_HIDDEN, e -> {
            vm.catalog().removeListener(resize);
            vm.close();
        });
    }

    private static Label label(String text, TextField field) {
        Label l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(field);
        return l;
    }

    private static ListView<ConnectionProfile> suggestions(AddHostViewModel vm) {
        ListView<ConnectionProfile> list = new ListView<>(vm.suggestions());
        list.getStyleClass().add(Styles.DENSE);
        list.setFocusTraversable(false);
        list.setCellFactory(l -> new KnownHostCell());
        list.setFixedCellSize(28);
        list.setPrefHeight(28 * SUGGESTION_ROWS + 2);
        list.setPlaceholder(new Label("No known host matches; it will be added as typed."));
        list.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.catalog()));
        list.managedProperty().bind(list.visibleProperty());
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                vm.choose(list.getSelectionModel().getSelectedItem());
            }
        });
        return list;
    }

    /** The field keeps the focus: Up/Down move through the suggestions, Enter takes the highlighted one. */
    private static void pickWithArrowKeys(TextField uri, ListView<ConnectionProfile> list, AddHostViewModel vm) {
        vm.uriProperty().subscribe(() -> list.getSelectionModel().clearSelection());
        uri.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            var sm = list.getSelectionModel();
            int size = list.getItems().size();
            switch (e.getCode()) {
                case DOWN, UP -> {
                    if (size == 0) {
                        return;
                    }
                    int next = sm.isEmpty() ? (e.getCode() == javafx.scene.input.KeyCode.DOWN ? 0 : size - 1)
                            : Math.floorMod(sm.getSelectedIndex() + (e.getCode() == javafx.scene.input.KeyCode.DOWN ? 1 : -1), size);
                    sm.select(next);
                    list.scrollTo(next);
                }
                case ENTER -> {
                    if (sm.isEmpty()) {
                        return; // the dialog's default button adds the host
                    }
                    vm.choose(sm.getSelectedItem());
                    uri.end();
                }
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    /** Empty when the input is acceptable (or still empty), else one sentence saying what is wrong. */
    static String problemWith(String uri, String socket) {
        AddHostViewModel vm = new AddHostViewModel(FXCollections.observableArrayList());
        vm.uriProperty().set(uri == null ? "" : uri);
        vm.socketProperty().set(socket == null ? "" : socket);
        return vm.problemProperty().get();
    }

    private static final class KnownHostCell extends ListCell<ConnectionProfile> {
        private final Label name = new Label();
        private final Label detail = new Label();
        private final HBox box = new HBox(10, name, detail);

        KnownHostCell() {
            setPrefWidth(0); // as wide as the list, never wider: the detail is cut with an ellipsis instead
            detail.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            detail.setMinWidth(0);
            box.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(name, Priority.ALWAYS);
            name.setMaxWidth(Double.MAX_VALUE);
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }

        @Override
        protected void updateItem(ConnectionProfile p, boolean empty) {
            super.updateItem(p, empty);
            name.setText(empty || p == null ? null : p.name());
            detail.setText(empty || p == null ? null : KnownHostText.detail(p));
            setGraphic(empty || p == null ? null : box);
        }
    }
}
