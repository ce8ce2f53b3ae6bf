package io.turnout.ui.connect;

import atlantafx.base.theme.Styles;
import io.turnout.ui.common.Icons;
import io.turnout.ui.common.UiStyles;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

/**
 * Unknown host key: shows host, key type and fingerprint; buttons say what they do and the
 * default (Enter) and Esc both cancel the connection. A small code-built dialog: no FXML needed.
 */
public final class HostKeyDialog extends Dialog<HostKeyDecision> {

    static final ButtonType TRUST_ONCE = new ButtonType("Trust this time", ButtonBar.ButtonData.OTHER);
    static final ButtonType TRUST_REMEMBER = new ButtonType("Trust and remember", ButtonBar.ButtonData.OTHER);
    static final ButtonType CANCEL = new ButtonType("Cancel connection", ButtonBar.ButtonData.CANCEL_CLOSE);

    public HostKeyDialog(Window owner, HostKey key) {
        initOwner(owner);
        getDialogPane().getStylesheets().add(io.turnout.ui.common.UiStyles.CSS);
        setTitle("Unknown host key");
        setHeaderText("Turnout has never seen " + key.host() + " before");
        setGraphic(Icons.of(Feather.SHIELD));

        GridPane facts = new GridPane(12, 6);
        facts.addRow(0, muted("Host"), new Label(key.host()));
        facts.addRow(1, muted("Key type"), new Label(key.keyType()));
        Label fingerprint = new Label(key.fingerprint());
        fingerprint.getStyleClass().addAll(UiStyles.MONO, UiStyles.FINGERPRINT);
        facts.addRow(2, muted("Fingerprint"), fingerprint);
        Label advice = new Label("Compare the fingerprint with the one your administrator gave you "
                + "(ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on the host) before trusting it.");
        advice.setWrapText(true);
        advice.setMaxWidth(460);
        getDialogPane().setContent(new VBox(12, facts, advice));

        getDialogPane().getButtonTypes().setAll(TRUST_ONCE, TRUST_REMEMBER, CANCEL);
        getDialogPane().lookupButton(TRUST_ONCE).getStyleClass().remove("default-button");
        var cancel = (javafx.scene.control.Button) getDialogPane().lookupButton(CANCEL);
        cancel.setDefaultButton(true);
        setResultConverter(b -> b == TRUST_ONCE ? HostKeyDecision.TRUST_ONCE
                : b == TRUST_REMEMBER ? HostKeyDecision.TRUST_AND_REMEMBER : HostKeyDecision.CANCEL);
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }
}
