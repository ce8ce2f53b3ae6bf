package io.turnout.router;

import io.turnout.router.RoutingTable.ServiceRoute;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.turnout.stack.Color.BLUE;
import static io.turnout.stack.Color.GREEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutingStateTest {

    @Test
    void headerLineRoundTripsSplitsPreviewsAndMaintenance() {
        RoutingTable t = new RoutingTable(Map.of("web", new ServiceRoute(Map.of(BLUE, 75, GREEN, 25), null),
                "api", ServiceRoute.allTo(GREEN)), true);
        String line = RoutingState.headerLine(t);
        assertThat(line).isEqualTo("# turnout-state: {\"maintenance\":true,\"services\":{"
                + "\"api\":{\"blue\":0,\"green\":100,\"preview\":\"blue\"},"
                + "\"web\":{\"blue\":75,\"green\":25,\"preview\":null}}}");
        assertThat(RoutingState.parse(line + "\nuser www-data;\n")).isEqualTo(t);
    }

    @Test
    void aConfigTurnoutDidNotWriteIsAnError() {
        assertThatThrownBy(() -> RoutingState.parse("user www-data;\n"))
                .isInstanceOf(RouterException.class).hasMessageContaining("not written by Turnout");
    }
}
