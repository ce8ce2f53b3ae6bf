package io.turnout.router;

import io.turnout.router.RoutingTable.ServiceRoute;
import io.turnout.stack.Color;

import java.util.ArrayList;
import java.util.List;

/**
 * The runtime API commands that make a running HAProxy do a routing table, in an order that never
 * leaves a service without a server: maintenance on first, then per service the colors gaining
 * weight are made ready before the others are drained, previews, maintenance off last. Sent as one
 * {@code ;}-separated line, so HAProxy runs them back to back in one session.
 */
final class HaproxyCommands {

    private HaproxyCommands() {
    }

    static List<String> toApply(RoutingTable desired) {
        List<String> cmds = new ArrayList<>();
        String acl = HaproxyConfig.aclPath();
        if (desired.maintenance()) {
            // clear first: 'add' twice would leave two entries and one 'del' would not end maintenance
            cmds.add("clear acl " + acl);
            cmds.add("add acl " + acl + " on");
        }
        desired.services().forEach((service, route) -> {
            String be = HaproxyConfig.backend(service);
            for (Color c : Color.values()) {
                if (route.weight(c) > 0) {
                    cmds.add("set server " + be + "/" + c.id() + " state ready");
                    cmds.add("set server " + be + "/" + c.id() + " weight " + route.weight(c));
                }
            }
            for (Color c : Color.values()) {
                if (route.weight(c) == 0) {
                    // drain: no new requests; requests in flight finish on it
                    cmds.add("set server " + be + "/" + c.id() + " weight 0");
                    cmds.add("set server " + be + "/" + c.id() + " state drain");
                }
            }
            previews(cmds, service, route);
        });
        if (!desired.maintenance()) {
            cmds.add("clear acl " + acl);
        }
        return cmds;
    }

    private static void previews(List<String> cmds, String service, ServiceRoute route) {
        String be = HaproxyConfig.previewBackend(service);
        if (route.preview() != null) {
            cmds.add("set server " + be + "/" + route.preview().id() + " state ready");
            cmds.add("set server " + be + "/" + route.preview().id() + " weight 100");
        }
        for (Color c : Color.values()) {
            if (c != route.preview()) {
                cmds.add("set server " + be + "/" + c.id() + " weight 0");
                cmds.add("set server " + be + "/" + c.id() + " state maint");
            }
        }
    }
}
