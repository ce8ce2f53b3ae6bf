package io.turnout.router;

import io.turnout.router.RoutingTable.ServiceRoute;
import io.turnout.stack.Color;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The human lines of a plan preview, e.g. {@code web: green weight 0 → 100 (ready)}. Lines come in
 * the order a router applies them: maintenance on first, colors gaining weight before colors
 * losing it (so no moment has no server), previews, maintenance off last.
 */
final class RoutingDiff {

    private static final ServiceRoute NONE = new ServiceRoute(Map.of(), null);

    private RoutingDiff() {
    }

    static List<String> lines(RoutingTable current, RoutingTable desired) {
        List<String> out = new ArrayList<>();
        if (!current.maintenance() && desired.maintenance()) {
            out.add("maintenance off → on");
        }
        TreeSet<String> services = new TreeSet<>(desired.services().keySet());
        for (String s : services) {
            ServiceRoute from = current.services().getOrDefault(s, NONE);
            ServiceRoute to = desired.route(s);
            List<String> gaining = new ArrayList<>();
            List<String> losing = new ArrayList<>();
            for (Color c : Color.values()) {
                int a = from.weight(c);
                int b = to.weight(c);
                if (a != b) {
                    String line = s + ": " + c.id() + " weight " + a + " → " + b + (b > 0 ? " (ready)" : " (drain)");
                    (b > a ? gaining : losing).add(line);
                }
            }
            out.addAll(gaining);
            out.addAll(losing);
            if (from.preview() != to.preview()) {
                out.add(s + " preview: " + name(from.preview()) + " → " + name(to.preview()));
            }
        }
        if (current.maintenance() && !desired.maintenance()) {
            out.add("maintenance on → off");
        }
        return out;
    }

    private static String name(Color c) {
        return c == null ? "none" : c.id();
    }
}
