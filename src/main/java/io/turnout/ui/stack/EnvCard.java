package io.turnout.ui.stack;

import io.turnout.stack.Color;

/**
 * What one environment card shows: one color of one routed service. Immutable; a card is redrawn
 * only when its record changes.
 *
 * @param present false when nothing runs in this color (the card shows an empty slot)
 * @param health  Docker's health in its own words: healthy, unhealthy, starting, none
 * @param check   the router's check in one line ("UP · L7OK/200 in 1ms")
 * @param release "20261123T101502Z-web-green · 2026-11-23 10:15:02 by alice@ws", or "" when not recorded
 */
public record EnvCard(Color color, boolean present, boolean active, String version, String image, String health,
                      int trafficShare, int running, int total, String check, boolean checkUp, String release) {

    static EnvCard empty(Color color) {
        return new EnvCard(color, false, false, "—", "", "none", 0, 0, 0, "", false, "");
    }

    /** "ACTIVE", "STANDBY" or "EMPTY". */
    public String role() {
        return !present ? "EMPTY" : active ? "ACTIVE" : "STANDBY";
    }

    /** "1/1 running". */
    public String containers() {
        return running + "/" + total + " running";
    }
}
