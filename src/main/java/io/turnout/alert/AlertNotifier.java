package io.turnout.alert;

/**
 * Where raised and resolved alerts go besides the timeline: the GUI's desktop notification, a
 * webhook. Called on the alert engine's thread; implementations must not block for long.
 */
@FunctionalInterface
public interface AlertNotifier {
    void notify(Alert alert);
}
