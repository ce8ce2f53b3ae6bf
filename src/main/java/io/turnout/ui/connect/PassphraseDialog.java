package io.turnout.ui.connect;

import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Asks for a private key's passphrase. Returns the characters; nothing is stored anywhere. */
public final class PassphraseDialog extends Dialog<char[]> {

    public PassphraseDialog(Window owner, String keyDescription) {
        initOwner(owner);
        getDialogPane().getStylesheets().add(io.turnout.ui.common.UiStyles.CSS);
        setTitle("Passphrase");
        setHeaderText("Unlock " + keyDescription);
        PasswordField field = new PasswordField();
        field.setPromptText("Passphrase");
        getDialogPane().setContent(new VBox(8, new Label("The passphrase is used for this connection only and not saved."), field));
        ButtonType unlock = new ButtonType("Unlock key", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(unlock, new ButtonType("Cancel connection", ButtonBar.ButtonData.CANCEL_CLOSE));
        setResultConverter(b -> {
            char[] chars = b == unlock ? field.getText().toCharArray() : null;
            field.clear();
            return chars;
        });
        setOnShown(e -> Platform.runLater(field::requestFocus));
    }
}
