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
    public static final String STATE_IDLE = "state-idle";
    public static final String HEALTH_NONE = "health-none";
    // stack view, environment cards, plan runs
    public static final String SERVICE_ROW = "service-row";
    public static final String ENV_CARD = "env-card";
    public static final String ENV_CARD_BLUE = "env-card-blue";
    public static final String ENV_CARD_GREEN = "env-card-green";
    public static final String ENV_CARD_ACTIVE = "env-card-active";
    public static final String ENV_CARD_EMPTY = "env-card-empty";
    public static final String ENV_VERSION = "env-version";
    public static final String ROLE_ACTIVE = "role-active";
    public static final String ROLE_STANDBY = "role-standby";
    public static final String COLOR_BLUE_BAR = "color-blue-bar";
    public static final String COLOR_GREEN_BAR = "color-green-bar";
    public static final String ROW_FAILED = "row-failed";
    public static final String STEP_CELL = "step-cell";
    public static final String MARKER_DANGEROUS = "marker-dangerous";
    public static final String MARKER_NO_UNDO = "marker-no-undo";
    public static final String PROBE_PANEL = "probe-panel";
    public static final String PROBE_FIGURE = "probe-figure";
    public static final String WIZARD_STEP_CURRENT = "wizard-step-current";
    public static final String WIZARD_STEP_DONE = "wizard-step-done";
    // dashboard
    public static final String CHART = "time-series-chart";
    public static final String CHART_CROSSHAIR = "chart-crosshair";
    public static final String CHART_SELECTION = "chart-selection";
    public static final String DASHBOARD_READOUT = "dashboard-readout";
    /** Turnout's stylesheet; every scene (main window and dialogs) adds it. */
    public static final String CSS = java.util.Objects.requireNonNull(
            UiStyles.class.getResource("/io/turnout/ui/turnout.css")).toExternalForm();

    private UiStyles() {
    }
}
