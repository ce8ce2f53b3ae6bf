package io.turnout.ui.dashboard;

import io.turnout.docker.DockerHost;
import io.turnout.timeline.Marker;
import io.turnout.timeline.Timeline;
import io.turnout.timeline.TimelineSource;
import io.turnout.ui.common.FxmlLoaderFactory;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

import java.time.ZoneId;
import java.util.Map;

/**
 * Builds a stack's dashboard view: its timeline and the sources that fill it come from the
 * composition root ({@link Sources}); alerts on that timeline raise a desktop notification.
 */
public final class Dashboards {

    /** What the composition root knows about a stack's timeline. */
    public interface Sources {

        Timeline timeline(DockerHost host, String stack);

        /** Feeds to run while the dashboard shows (router traffic and health, the database); NONE when there are none. */
        TimelineSource sources(DockerHost host, String stack);

        /**
         * Samples this PostgreSQL database onto the stack's timeline too (typed into the dashboard).
         * @throws IllegalArgumentException with one sentence for the operator when the URL is not a JDBC URL
         */
        default void database(DockerHost host, String stack, String jdbcUrl) {
            throw new IllegalArgumentException("This console cannot watch a database.");
        }
    }

    private final Sources sources;
    private final ZoneId zone;

    public Dashboards(Sources sources, ZoneId zone) {
        this.sources = sources;
        this.zone = zone;
    }

    /** FX thread. */
    public FxmlLoaderFactory.View<DashboardController> create(DockerHost host, String stack) {
        Timeline timeline = sources.timeline(host, stack);
        DashboardViewModel vm = new DashboardViewModel(timeline, stack, zone, url -> sources.database(host, stack, url));
        TimelineSource feeds = sources.sources(host, stack);
        var view = new FxmlLoaderFactory(Map.of(DashboardController.class, () -> new DashboardController(vm, feeds, zone)))
                .load(DashboardController.class, "DashboardView.fxml", DashboardController.class);
        new AlertNotifier(timeline, Platform::runLater, m -> notify(view.root(), stack, m)).attach(view.root());
        return view;
    }

    private static void notify(Node owner, String stack, Marker alert) {
        Notifications.create()
                .title("Alert · " + stack)
                .text(alert.label() + (alert.detail().isEmpty() ? "" : "\n" + alert.detail()))
                .owner(owner.getScene() == null ? null : owner.getScene().getWindow())
                .hideAfter(Duration.seconds(15))
                .showWarning();
    }
}
