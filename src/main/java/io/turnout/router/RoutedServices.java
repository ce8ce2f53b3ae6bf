package io.turnout.router;

import io.turnout.stack.StackSpec;
import io.turnout.stack.StackSpec.ServiceSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The routed services of a stack in file order, and the checks both container routers make
 * before they render anything: a name that would break a config file is refused here, with a
 * message, rather than by the router's parser later.
 */
final class RoutedServices {

    /** Container port of the first routed service's preview frontend; the next ones count up. */
    static final int PREVIEW_BASE_PORT = 8100;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9*][A-Za-z0-9.*-]*");
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~/?=&%-]*");

    private RoutedServices() {
    }

    static List<String> of(StackSpec spec) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, ServiceSpec> e : spec.services().entrySet()) {
            if (e.getValue().routed()) {
                names.add(e.getKey());
            }
        }
        return names;
    }

    static int previewPort(StackSpec spec, String service) {
        int i = of(spec).indexOf(service);
        if (i < 0) {
            throw new IllegalArgumentException("'" + service + "' is not a routed service of stack '" + spec.name() + "'");
        }
        return PREVIEW_BASE_PORT + i;
    }

    /** The routed service without a {@code host}: it gets requests no host rule claims; null when every one has a host. */
    static String defaultService(StackSpec spec) {
        return of(spec).stream().filter(s -> spec.service(s).host() == null).findFirst().orElse(null);
    }

    /** Refuses a spec the routers cannot render (names, hosts, health paths) or more than one default service. */
    static void checkSpec(StackSpec spec) {
        List<String> routed = of(spec);
        if (routed.isEmpty()) {
            throw new RouterException("Stack '" + spec.name() + "' has no routed service: nothing for a router to do.");
        }
        long defaults = routed.stream().filter(s -> spec.service(s).host() == null).count();
        if (defaults > 1) {
            throw new RouterException("Stack '" + spec.name() + "' routes several services without a host; "
                    + "give all but one of them a host.");
        }
        for (String s : routed) {
            ServiceSpec svc = spec.service(s);
            require(NAME, s, "service name");
            if (svc.host() != null) {
                require(HOST, svc.host(), "host of " + s);
            }
            require(PATH, svc.health().path(), "health path of " + s);
        }
    }

    /** Refuses a table that does not name exactly the stack's routed services. */
    static void checkTable(StackSpec spec, RoutingTable table) {
        List<String> routed = of(spec);
        for (String s : routed) {
            if (!table.services().containsKey(s)) {
                throw new RouterException("No route for routed service '" + s + "' of stack '" + spec.name() + "'.");
            }
        }
        for (String s : table.services().keySet()) {
            if (!routed.contains(s)) {
                throw new RouterException("Stack '" + spec.name() + "' has no routed service '" + s + "'.");
            }
        }
    }

    private static void require(Pattern p, String value, String what) {
        if (!p.matcher(value).matches()) {
            throw new RouterException("Unusable " + what + " '" + value + "' for a router config.");
        }
    }
}
