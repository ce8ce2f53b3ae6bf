package io.turnout.router;

import io.turnout.router.RoutingTable.ServiceRoute;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.turnout.stack.Color.BLUE;
import static io.turnout.stack.Color.GREEN;
import static org.assertj.core.api.Assertions.assertThat;

class RoutingDiffTest {

    private static final RoutingTable BLUE_LIVE = new RoutingTable(Map.of("web", ServiceRoute.allTo(BLUE)), false);
    private static final RoutingTable GREEN_LIVE = new RoutingTable(Map.of("web", ServiceRoute.allTo(GREEN)), false);

    @Test
    void switchListsTheReadiedColorFirstThenTheDrainedOneThenThePreview() {
        assertThat(RoutingDiff.lines(BLUE_LIVE, GREEN_LIVE)).containsExactly(
                "web: green weight 0 → 100 (ready)",
                "web: blue weight 100 → 0 (drain)",
                "web preview: green → blue");
    }

    @Test
    void noChangeIsNoLine() {
        assertThat(RoutingDiff.lines(BLUE_LIVE, BLUE_LIVE)).isEmpty();
    }

    @Test
    void maintenanceOnComesFirstAndOffLast() {
        assertThat(RoutingDiff.lines(BLUE_LIVE, GREEN_LIVE.withMaintenance(true))).first().isEqualTo("maintenance off → on");
        assertThat(RoutingDiff.lines(BLUE_LIVE.withMaintenance(true), GREEN_LIVE)).last().isEqualTo("maintenance on → off");
    }

    @Test
    void canaryStepAndAServiceTheRouterDoesNotRouteYet() {
        RoutingTable canary = new RoutingTable(Map.of("web", new ServiceRoute(Map.of(BLUE, 90, GREEN, 10), null),
                "api", ServiceRoute.allTo(BLUE)), false);
        assertThat(RoutingDiff.lines(BLUE_LIVE, canary)).containsExactly(
                "api: blue weight 0 → 100 (ready)",
                "api preview: none → green",
                "web: green weight 0 → 10 (ready)",
                "web: blue weight 100 → 90 (ready)",
                "web preview: green → none");
    }
}
