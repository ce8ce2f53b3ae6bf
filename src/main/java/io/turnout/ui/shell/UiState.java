package io.turnout.ui.shell;

/**
 * What the window remembers between runs: geometry, theme choice, drawer, last selection.
 * {@code theme} is "system", "light" or "dark"; {@code lastSelection} a sidebar key. NaN x/y = centre.
 */
public record UiState(double x, double y, double width, double height, boolean maximized,
                      String theme, boolean drawerOpen, String lastSelection) {

    public static final UiState DEFAULT = new UiState(Double.NaN, Double.NaN, 1280, 800, false, "system", false, null);

    public UiState withGeometry(double x, double y, double width, double height, boolean maximized) {
        return new UiState(x, y, width, height, maximized, theme, drawerOpen, lastSelection);
    }

    public UiState withTheme(String theme) {
        return new UiState(x, y, width, height, maximized, theme, drawerOpen, lastSelection);
    }

    public UiState withDrawerOpen(boolean open) {
        return new UiState(x, y, width, height, maximized, theme, open, lastSelection);
    }

    public UiState withLastSelection(String key) {
        return new UiState(x, y, width, height, maximized, theme, drawerOpen, key);
    }
}
