package io.turnout.ui.shell;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.Objects;
import java.util.function.Supplier;

/** A built main window, ready to be mounted into a Stage; remembers geometry and choices on close. */
public final class Shell {

    static final String CSS = Objects.requireNonNull(Shell.class.getResource("/io/turnout/ui/turnout.css")).toExternalForm();

    private final Parent root;
    private final ShellController controller;
    private final ThemeManager theme;
    private final ActivityViewModel activity;
    private final UiStateStore store;
    private final Supplier<String> lastSelection;
    private final UiState initial;

    Shell(Parent root, ShellController controller, ThemeManager theme, ActivityViewModel activity, UiStateStore store,
          Supplier<String> lastSelection, UiState initial) {
        this.root = root;
        this.controller = controller;
        this.theme = theme;
        this.activity = activity;
        this.store = store;
        this.lastSelection = lastSelection;
        this.initial = initial;
    }

    /** Puts the window into {@code stage} with the remembered geometry; saves state when it closes. FX thread. */
    public void mount(Stage stage) {
        Scene scene = new Scene(root, initial.width(), initial.height());
        scene.getStylesheets().add(CSS);
        stage.setScene(scene);
        stage.setTitle("Turnout");
        stage.setMinWidth(800);
        stage.setMinHeight(500);
        if (!Double.isNaN(initial.x()) && !Double.isNaN(initial.y())) {
            stage.setX(initial.x());
            stage.setY(initial.y());
        }
        stage.setMaximized(initial.maximized());
        stage.setOnHiding(e -> store.save(currentState(stage)));
    }

    UiState currentState(Stage stage) {
        UiState s = stage.isMaximized() ? initial.withGeometry(initial.x(), initial.y(), initial.width(), initial.height(), true)
                : initial.withGeometry(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
        return s.withTheme(theme.choiceProperty().get()).withDrawerOpen(activity.openProperty().get())
                .withLastSelection(lastSelection.get());
    }

    public Parent root() {
        return root;
    }

    public ShellController controller() {
        return controller;
    }

    public ThemeManager theme() {
        return theme;
    }
}
