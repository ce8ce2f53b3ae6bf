package io.turnout.ui.shell;

import java.util.List;

/**
 * What the window remembers between runs: geometry, theme choice, drawer, last selection and the
 * hosts that were open. {@code theme} is "system", "light" or "dark"; {@code lastSelection} a
 * sidebar key; {@code openHosts} the {@code TargetUri.toString()} of each open host, for the
 * composition root to reopen. NaN x/y = centre.
 */
public record UiState(double x, double y, double width, double height, boolean maximized,
                      String theme, boolean drawerOpen, String lastSelection, List<String> openHosts) {

    public static final UiState DEFAULT = new UiState(Double.NaN, Double.NaN, 1280, 800, false, "system", false, null, List.of());

    public UiState {
        openHosts = openHosts == null ? List.of() : List.copyOf(openHosts);
    }

    public UiState withGeometry(double x, double y, double width, double height, boolean maximized) {
        return new UiState(x, y, width, height, maximized, theme, drawerOpen, lastSelection, openHosts);
    }

    public UiState withTheme(String theme) {
        return new UiState(x, y, width, height, maximized, theme, drawerOpen, lastSelection, openHosts);
    }

    public UiState withDrawerOpen(boolean open) {
        return new UiState(x, y, width, height, maximized, theme, open, lastSelection, openHosts);
    }

    public UiState withLastSelection(String key) {
        return new UiState(x, y, width, height, maximized, theme, drawerOpen, key, openHosts);
    }

    public UiState withOpenHosts(List<String> hosts) {
        return new UiState(x, y, width, height, maximized, theme, drawerOpen, lastSelection, hosts);
    }
}
