package io.turnout.ui.stack;

import atlantafx.base.theme.Styles;
import io.turnout.stack.Color;
import io.turnout.ui.common.Icons;
import io.turnout.ui.common.UiStyles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

import java.util.function.Consumer;

/** One service of the stack view: its name and actions, then a card per color (blue left, green right). */
final class ServiceRowNode {

    /** What the row's buttons do; each opens a preview first. */
    interface Actions {
        void upgrade(ServiceItem s);
        void switchTraffic(ServiceItem s);
        void rollback(ServiceItem s);
        void removeStandby(ServiceItem s);
    }

    private ServiceRowNode() {
    }

    static VBox of(ServiceItem s, Actions actions) {
        Label name = new Label(s.name());
        name.getStyleClass().add(Styles.TITLE_3);
        Label kind = new Label(s.routed() ? "routed · active " + (s.active() == null ? "none" : s.active().id()) : "internal");
        kind.getStyleClass().add(Styles.TEXT_MUTED);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, name, kind, spacer);
        header.setAlignment(Pos.CENTER_LEFT);
        if (s.routed()) {
            header.getChildren().add(button("Upgrade…", Feather.UPLOAD_CLOUD, Styles.ACCENT, s, actions::upgrade));
            if (s.switchTo() != null) {
                header.getChildren().add(button(s.switchLabel(), Feather.SHUFFLE, Styles.DANGER, s, actions::switchTraffic));
            }
            if (s.rollbackTo() != null) {
                header.getChildren().add(button(s.rollbackLabel(), Feather.ROTATE_CCW, Styles.DANGER, s, actions::rollback));
            }
            if (s.removable() != null) {
                header.getChildren().add(button(s.removeLabel(), Feather.TRASH_2, null, s, actions::removeStandby));
            }
        }
        HBox cards = new HBox(12);
        for (Color c : Color.values()) {
            Node card = EnvCardNode.of(s.card(c));
            HBox.setHgrow(card, Priority.ALWAYS);
            ((Region) card).setMaxWidth(Double.MAX_VALUE);
            ((Region) card).setPrefWidth(300);
            cards.getChildren().add(card);
        }
        VBox row = new VBox(10, header, cards);
        row.getStyleClass().add(UiStyles.SERVICE_ROW);
        row.setId("service-" + s.name());
        return row;
    }

    private static Button button(String text, Ikon icon, String style, ServiceItem s, Consumer<ServiceItem> action) {
        Button b = new Button(text, Icons.of(icon));
        b.setMnemonicParsing(false);
        if (style != null) {
            b.getStyleClass().addAll(style, Styles.BUTTON_OUTLINED);
        }
        b.setOnAction(e -> action.accept(s));
        return b;
    }
}
