package io.turnout.ui.stack;

import atlantafx.base.controls.Card;
import atlantafx.base.theme.Styles;
import io.turnout.stack.Color;
import io.turnout.ui.common.Icons;
import io.turnout.ui.common.UiStyles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** Draws one {@link EnvCard}: color and role, version, health, traffic share, containers, router check, release. */
final class EnvCardNode {

    private EnvCardNode() {
    }

    static Card of(EnvCard c) {
        Card card = new Card();
        card.getStyleClass().addAll(UiStyles.ENV_CARD, c.color() == Color.BLUE ? UiStyles.ENV_CARD_BLUE : UiStyles.ENV_CARD_GREEN);
        if (c.active()) {
            card.getStyleClass().add(UiStyles.ENV_CARD_ACTIVE);
        }
        card.setId("env-" + c.color().id());
        Label chip = new Label(c.color().id().toUpperCase(java.util.Locale.ROOT));
        chip.getStyleClass().addAll(UiStyles.CHIP, c.color() == Color.BLUE ? UiStyles.COLOR_BLUE : UiStyles.COLOR_GREEN);
        Label role = new Label(c.role());
        role.getStyleClass().addAll(UiStyles.BADGE, c.active() ? UiStyles.ROLE_ACTIVE : UiStyles.ROLE_STANDBY);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label share = new Label(c.present() ? c.trafficShare() + "% of traffic" : "");
        share.getStyleClass().add(Styles.TEXT_BOLD);
        HBox header = new HBox(8, chip, role, spacer, share);
        header.setAlignment(Pos.CENTER_LEFT);
        card.setHeader(header);
        if (!c.present()) {
            card.getStyleClass().add(UiStyles.ENV_CARD_EMPTY);
            Label empty = new Label("Nothing runs in " + c.color().id() + ". An upgrade starts the new version here, next to the active one.");
            empty.setWrapText(true);
            empty.getStyleClass().add(Styles.TEXT_MUTED);
            card.setBody(empty);
            return card;
        }
        Label version = new Label(c.version());
        version.getStyleClass().addAll(Styles.TITLE_2, UiStyles.ENV_VERSION);
        Label image = new Label(c.image());
        image.getStyleClass().addAll(UiStyles.MONO, Styles.TEXT_MUTED);
        ProgressBar traffic = new ProgressBar(c.trafficShare() / 100.0);
        traffic.setMaxWidth(Double.MAX_VALUE);
        traffic.getStyleClass().addAll(Styles.SMALL, c.color() == Color.BLUE ? UiStyles.COLOR_BLUE_BAR : UiStyles.COLOR_GREEN_BAR);
        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(4);
        facts.addRow(0, caption("Health"), health(c.health()));
        facts.addRow(1, caption("Containers"), new Label(c.containers()));
        Label check = new Label(c.check(), Icons.of(c.checkUp() ? Feather.CHECK : Feather.X));
        check.getGraphic().getStyleClass().add(c.checkUp() ? UiStyles.STATE_OK : UiStyles.STATE_BAD);
        facts.addRow(2, caption("Router check"), check);
        card.setBody(new VBox(6, version, image, traffic, facts));
        Label release = new Label(c.release().isEmpty() ? "not recorded by Turnout" : "release " + c.release());
        release.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        release.setWrapText(true);
        card.setFooter(release);
        return card;
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    private static Label health(String health) {
        Label l = new Label(health);
        l.getStyleClass().addAll(UiStyles.BADGE, switch (health) {
            case "healthy" -> UiStyles.HEALTH_HEALTHY;
            case "starting" -> UiStyles.HEALTH_STARTING;
            case "unhealthy" -> UiStyles.HEALTH_UNHEALTHY;
            default -> UiStyles.HEALTH_NONE;
        });
        return l;
    }
}
