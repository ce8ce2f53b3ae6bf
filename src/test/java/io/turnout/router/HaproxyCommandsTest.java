package io.turnout.router;

import io.turnout.router.RoutingTable.ServiceRoute;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.turnout.stack.Color.BLUE;
import static io.turnout.stack.Color.GREEN;
import static org.assertj.core.api.Assertions.assertThat;

class HaproxyCommandsTest {

    private static final String ACL = "/usr/local/etc/haproxy/maintenance.acl";

    @Test
    void switchReadiesTheNewColorBeforeDrainingTheOld() {
        RoutingTable green = new RoutingTable(Map.of("web", ServiceRoute.allTo(GREEN)), false);
        assertThat(HaproxyCommands.toApply(green)).containsExactly(
                "set server web/green state ready",
                "set server web/green weight 100",
                "set server web/blue weight 0",
                "set server web/blue state drain",
                "set server preview.web/blue state ready",
                "set server preview.web/blue weight 100",
                "set server preview.web/green weight 0",
                "set server preview.web/green state maint",
                "clear acl " + ACL);
    }

    @Test
    void maintenanceIsSwitchedOnBeforeAnythingElse() {
        RoutingTable t = new RoutingTable(Map.of("web", ServiceRoute.allTo(BLUE)), true);
        assertThat(HaproxyCommands.toApply(t)).startsWith("clear acl " + ACL, "add acl " + ACL + " on")
                .doesNotContain("clear acl " + ACL + " on");
        assertThat(HaproxyCommands.toApply(t).getLast()).isEqualTo("set server preview.web/blue state maint");
    }

    @Test
    void canarySplitKeepsBothColorsReadyAndNoPreviewDisablesBoth() {
        RoutingTable t = new RoutingTable(Map.of("web", new ServiceRoute(Map.of(BLUE, 90, GREEN, 10), null)), false);
        assertThat(HaproxyCommands.toApply(t)).contains("set server web/blue weight 90", "set server web/green weight 10",
                "set server preview.web/blue state maint", "set server preview.web/green state maint")
                .doesNotContain("set server web/blue state drain", "set server web/green state drain");
    }
}
