package io.turnout.ui.common;

import io.turnout.target.ConnectionState;
import javafx.scene.Node;
import javafx.scene.control.ProgressIndicator;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Feather icons used across the UI, so one concept has one icon everywhere. */
public final class Icons {

    private Icons() {
    }

    public static FontIcon of(Ikon ikon) {
        return new FontIcon(ikon);
    }

    public static Ikon forConnection(ConnectionState state) {
        return switch (state) {
            case ConnectionState.Connected c -> Feather.CHECK_CIRCLE;
            case ConnectionState.Connecting c -> Feather.LOADER;
            case ConnectionState.Reconnecting r -> Feather.REFRESH_CW;
            case ConnectionState.Failed f -> Feather.X_CIRCLE;
            case ConnectionState.Disconnected d -> Feather.CIRCLE;
        };
    }

    /** A small spinner while (re)connecting, else the state's icon in its {@link #connectionStyle colour}. */
    public static Node connectionGraphic(ConnectionState state) {
        if (state instanceof ConnectionState.Connecting || state instanceof ConnectionState.Reconnecting) {
            ProgressIndicator spinner = new ProgressIndicator(ProgressIndicator.INDETERMINATE_PROGRESS);
            spinner.getStyleClass().add(UiStyles.SPINNER);
            spinner.setPrefSize(14, 14);
            spinner.setMaxSize(14, 14);
            return spinner;
        }
        FontIcon icon = of(forConnection(state));
        icon.getStyleClass().add(connectionStyle(state));
        return icon;
    }

    /** {@link UiStyles#STATE_OK}, {@code _WARN} or {@code _BAD}: how worried the operator should be. */
    public static String connectionStyle(ConnectionState state) {
        return switch (state) {
            case ConnectionState.Connected c -> UiStyles.STATE_OK;
            case ConnectionState.Connecting c -> UiStyles.STATE_WARN;
            case ConnectionState.Reconnecting r -> UiStyles.STATE_WARN;
            case ConnectionState.Failed f -> UiStyles.STATE_BAD;
            case ConnectionState.Disconnected d -> UiStyles.STATE_BAD;
        };
    }
}
