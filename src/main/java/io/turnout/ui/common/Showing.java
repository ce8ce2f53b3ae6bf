package io.turnout.ui.common;

import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Window;

import java.util.Optional;

/**
 * Whether a node is actually on screen: it and every ancestor are visible and its window is
 * showing. A TabPane hides unselected tabs' content this way, so a feed bound to this stops when
 * its tab is not the selected one.
 */
public final class Showing {

    private static final ObservableValue<Boolean> NO = new ReadOnlyBooleanWrapper(false).getReadOnlyProperty();

    private Showing() {
    }

    public static ObservableValue<Boolean> of(Node node) {
        // Fluent bindings skip their mapper for null values, so wrap the parent in an Optional first.
        ObservableValue<Optional<Parent>> parent = node.parentProperty().map(Optional::of).orElse(Optional.empty());
        return node.visibleProperty().flatMap(visible -> !visible ? NO
                : parent.flatMap(p -> p.isPresent() ? of(p.get()) : windowShowing(node)));
    }

    private static ObservableValue<Boolean> windowShowing(Node node) {
        return node.sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty).orElse(false);
    }
}
