package io.turnout.ui.stack;

import io.turnout.stack.Color;

import java.util.List;

/**
 * One service row of the stack view: its two environment cards and which actions make sense now.
 * A null action color means the action is not offered.
 *
 * @param switchTo        the standby color when it runs a newer release (after an upgrade that left it standby)
 * @param rollbackTo      the previous color: a standby running the older release, or one the history can recreate
 * @param rollbackVersion the version rollback returns to, when known
 * @param removable       the standby color, which "Remove standby" cleans up
 */
public record ServiceItem(String name, boolean routed, Color active, List<EnvCard> cards, Color switchTo, Color rollbackTo,
                          String rollbackVersion, Color removable) {

    public ServiceItem {
        cards = List.copyOf(cards);
    }

    public String switchLabel() {
        return switchTo == null ? "" : "Switch traffic to " + switchTo.id();
    }

    public String rollbackLabel() {
        return rollbackTo == null ? "" : "Roll back to " + rollbackTo.id() + (rollbackVersion == null ? "" : " (" + rollbackVersion + ")");
    }

    public String removeLabel() {
        return removable == null ? "" : "Remove standby " + removable.id();
    }

    public EnvCard card(Color color) {
        return cards.stream().filter(c -> c.color() == color).findFirst().orElse(EnvCard.empty(color));
    }

    /** The image the active color runs: what the upgrade wizard prefills. */
    public String activeImage() {
        return active == null ? "" : card(active).image();
    }
}
