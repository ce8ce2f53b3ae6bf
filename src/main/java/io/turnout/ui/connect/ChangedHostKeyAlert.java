package io.turnout.ui.connect;

import io.turnout.ui.common.UiStyles;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The host key changed since it was remembered: pure display, the connection is refused. */
public final class ChangedHostKeyAlert extends Alert {

    public ChangedHostKeyAlert(Window owner, String host, String keyType, String oldFingerprint, String newFingerprint) {
        super(AlertType.ERROR, "", new ButtonType("Close", javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
        initOwner(owner);
        getDialogPane().getStylesheets().add(io.turnout.ui.common.UiStyles.CSS);
        setTitle("Host key changed");
        setHeaderText("The host key of " + host + " has changed — connection refused");
        GridPane keys = new GridPane(12, 6);
        keys.addRow(0, new Label("Remembered"), mono(oldFingerprint));
        keys.addRow(1, new Label("Offered now"), mono(newFingerprint));
        keys.addRow(2, new Label("Key type"), new Label(keyType));
        Label advice = new Label("Someone may be intercepting the connection, or the host was reinstalled. "
                + "Ask the host's administrator; if the new key is right, remove the old entry from known_hosts.");
        advice.setWrapText(true);
        advice.setMaxWidth(480);
        getDialogPane().setContent(new VBox(12, keys, advice));
    }

    private static Label mono(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll(UiStyles.MONO, UiStyles.FINGERPRINT);
        return l;
    }
}
