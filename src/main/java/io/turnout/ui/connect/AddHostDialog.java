package io.turnout.ui.connect;

import atlantafx.base.theme.Styles;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** "Add host…": an ssh:// URI or ssh-config alias plus an optional remote socket; validated as typed. */
public final class AddHostDialog extends Dialog<AddHostRequest> {

    public AddHostDialog(Window owner) {
        initOwner(owner);
        getDialogPane().getStylesheets().add(io.turnout.ui.common.UiStyles.CSS);
        setTitle("Add host");
        setHeaderText("Add a Docker host");
        TextField uri = new TextField();
        uri.setPromptText("ssh://deploy@prod-1 or an ssh-config alias");
        uri.setPrefColumnCount(28);
        TextField socket = new TextField();
        socket.setPromptText("/var/run/docker.sock (optional)");
        Label problem = new Label();
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.setMaxWidth(420);

        GridPane form = new GridPane(12, 8);
        Label uriLabel = new Label("_Host");
        uriLabel.setMnemonicParsing(true);
        uriLabel.setLabelFor(uri);
        Label socketLabel = new Label("Remote _socket");
        socketLabel.setMnemonicParsing(true);
        socketLabel.setLabelFor(socket);
        form.addRow(0, uriLabel, uri);
        form.addRow(1, socketLabel, socket);
        getDialogPane().setContent(new VBox(10, form, problem));

        ButtonType add = new ButtonType("Add host", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(add, ButtonType.CANCEL);
        Button addButton = (Button) getDialogPane().lookupButton(add);
        Runnable validate = () -> problem.setText(problemWith(uri.getText(), socket.getText()));
        uri.textProperty().subscribe(validate);
        socket.textProperty().subscribe(validate);
        addButton.disableProperty().bind(problem.textProperty().isNotEmpty().or(uri.textProperty().isEmpty()));
        setResultConverter(b -> b == add ? AddHostRequest.parse(uri.getText(), socket.getText()) : null);
        setOnShown(e -> Platform.runLater(uri::requestFocus));
    }

    /** Empty when the input is acceptable (or still empty), else one sentence saying what is wrong. */
    static String problemWith(String uri, String socket) {
        if (uri == null || uri.isBlank()) {
            return "";
        }
        try {
            AddHostRequest.parse(uri, socket);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
