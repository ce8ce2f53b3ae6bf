package io.turnout.ui.dashboard;

import io.turnout.timeline.Marker;

import java.time.Instant;
import java.util.List;

/** Everything the dashboard draws for one tick: the window, its charts and the markers across them. */
public record DashboardModel(Instant from, Instant to, List<ChartModel> charts, List<Marker> markers) {

    public static final DashboardModel EMPTY = new DashboardModel(Instant.EPOCH, Instant.EPOCH.plusSeconds(1), List.of(), List.of());

    public java.util.Optional<ChartModel> chart(String id) {
        return charts.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
