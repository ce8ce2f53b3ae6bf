package io.turnout.ui.dashboard;

import io.turnout.timeline.Marker;
import io.turnout.timeline.MarkerKind;
import io.turnout.timeline.Timeline;
import io.turnout.ui.common.Batcher;
import javafx.scene.Node;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Raises a desktop notification for each ALERT marker of a target while its view is open (in the
 * scene, selected or not). Alerts arrive on the alert engine's thread; a {@link Batcher} hops them to
 * the FX thread once per burst.
 */
public final class AlertNotifier {

    private final Timeline timeline;
    private final Batcher<Marker> batcher;
    private Runnable subscription;

    /** @param show FX thread: shows one alert (ControlsFX Notifications in the app, a list in tests) */
    public AlertNotifier(Timeline timeline, Executor fx, Consumer<Marker> show) {
        this.timeline = timeline;
        this.batcher = new Batcher<>(fx, (List<Marker> alerts) -> alerts.forEach(show));
    }

    /** Listens while {@code view} is in a scene. */
    public void attach(Node view) {
        view.sceneProperty().subscribe(scene -> {
            if (scene != null) {
                start();
            } else {
                stop();
            }
        });
    }

    public synchronized void start() {
        if (subscription == null) {
            subscription = timeline.onMarker(m -> {
                if (m.kind() == MarkerKind.ALERT) {
                    batcher.add(m);
                }
            });
        }
    }

    public synchronized void stop() {
        if (subscription != null) {
            subscription.run();
            subscription = null;
        }
    }
}
