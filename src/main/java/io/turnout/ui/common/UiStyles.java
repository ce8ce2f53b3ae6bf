package io.turnout.ui.common;

/**
 * Turnout's own style classes (defined in {@code turnout.css}); AtlantaFX's come from
 * {@link atlantafx.base.theme.Styles}. Code never spells a style class as a string literal.
 */
public final class UiStyles {

    public static final String APP = "turnout";
    public static final String SIDEBAR = "sidebar";
    public static final String STATUS_BAR = "status-bar";
    public static final String STATUS_ITEM = "status-item";
    public static final String ACTIVITY_DRAWER = "activity-drawer";
    public static final String PALETTE = "command-palette";
    public static final String PALETTE_SCRIM = "command-palette-scrim";
    public static final String EMPTY_STATE = "empty-state";
    public static final String MONO = "mono";
    public static final String BADGE = "badge";
    public static final String HEALTH_HEALTHY = "health-healthy";
    public static final String HEALTH_STARTING = "health-starting";
    public static final String HEALTH_UNHEALTHY = "health-unhealthy";
    public static final String CHIP = "chip";
    public static final String COLOR_BLUE = "color-blue";
    public static final String COLOR_GREEN = "color-green";
    public static final String GROUP_ROW = "group-row";
    public static final String GROUP_SUMMARY = "group-summary";
    public static final String LOG_VIEW = "log-view";
    public static final String LOG_STDERR = "log-stderr";
    public static final String LOG_MATCH = "log-match";
    public static final String STATE_OK = "state-ok";
    public static final String STATE_WARN = "state-warn";
    public static final String STATE_BAD = "state-bad";
    public static final String FINGERPRINT = "fingerprint";
    public static final String SPINNER = "connection-spinner";
    /** Turnout's stylesheet; every scene (main window and dialogs) adds it. */
    public static final String CSS = java.util.Objects.requireNonNull(
            UiStyles.class.getResource("/io/turnout/ui/turnout.css")).toExternalForm();

    private UiStyles() {
    }
}
