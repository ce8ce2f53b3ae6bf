package io.turnout.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * Primer light/dark from AtlantaFX. "system" follows the OS colour scheme (JavaFX 22+ platform
 * preferences) live; toggling picks the opposite of what is shown and stops following.
 */
public final class ThemeManager {

    public static final String SYSTEM = "system";
    public static final String LIGHT = "light";
    public static final String DARK = "dark";

    private final ObservableValue<ColorScheme> osScheme;
    private final ReadOnlyStringWrapper choice;
    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper();

    public ThemeManager(String initialChoice, ObservableValue<ColorScheme> osScheme) {
        this.osScheme = osScheme;
        this.choice = new ReadOnlyStringWrapper(initialChoice == null ? SYSTEM : initialChoice);
        osScheme.subscribe(s -> update());
        choice.subscribe(c -> update());
    }

    private void update() {
        boolean isDark = switch (choice.get()) {
            case DARK -> true;
            case LIGHT -> false;
            default -> osScheme.getValue() == ColorScheme.DARK;
        };
        dark.set(isDark);
        Application.setUserAgentStylesheet(isDark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public void toggle() {
        choice.set(dark.get() ? LIGHT : DARK);
    }

    public void choose(String theme) {
        choice.set(theme);
    }

    public ReadOnlyStringProperty choiceProperty() {
        return choice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }
}
