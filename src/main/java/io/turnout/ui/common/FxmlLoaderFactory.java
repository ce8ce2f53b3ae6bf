package io.turnout.ui.common;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Loads FXML with controllers built by hand-written suppliers (constructor injection), so no
 * controller has a no-arg constructor or field injection. An FXML naming an unregistered
 * controller fails loudly instead of being instantiated reflectively.
 */
public final class FxmlLoaderFactory {

    private final Map<Class<?>, Supplier<?>> controllers;

    public FxmlLoaderFactory(Map<Class<?>, Supplier<?>> controllers) {
        this.controllers = Map.copyOf(controllers);
    }

    /** A loaded view: its root node and the controller the factory built for it. */
    public record View<C>(Parent root, C controller) { }

    /** Loads {@code fxml} (a resource next to {@code owner}) and returns the root and controller. */
    public <C> View<C> load(Class<?> owner, String fxml, Class<C> controllerType) {
        URL url = Objects.requireNonNull(owner.getResource(fxml), () -> "No FXML resource " + fxml + " next to " + owner);
        FXMLLoader loader = new FXMLLoader(url, null, null, this::controller);
        try {
            Parent root = loader.load();
            return new View<>(root, controllerType.cast(loader.getController()));
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to load " + url, e);
        }
    }

    /** FXMLLoader's controller factory; also used for {@code fx:include}d files. */
    public Object controller(Class<?> type) {
        Supplier<?> supplier = controllers.get(type);
        if (supplier == null) {
            throw new IllegalArgumentException("Controller not registered with the FxmlLoaderFactory: " + type.getName());
        }
        return supplier.get();
    }
}
