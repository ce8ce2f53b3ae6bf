package io.turnout.router;

import io.turnout.router.RoutingTable.ServiceRoute;
import io.turnout.stack.Color;
import io.turnout.stack.StackSpec;
import io.turnout.stack.StackSpec.HealthSpec;
import io.turnout.stack.StackSpec.RouterKind;
import io.turnout.stack.StackSpec.RouterSpec;
import io.turnout.stack.StackSpec.ServiceSpec;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Stack specs and tables for the routers' unit tests. */
final class RouterSpecs {

    private RouterSpecs() {
    }

    static ServiceSpec routed(String host) {
        return new ServiceSpec("turnout-fixture/app:v1", 8080, new HealthSpec("/health", Duration.ofSeconds(2),
                Duration.ofSeconds(60)), true, true, Map.of(), host);
    }

    /** Stack {@code shop}: routed {@code web} (default) and {@code api} (Host api.shop.test), internal {@code worker}. */
    static StackSpec shop(RouterKind kind) {
        Map<String, ServiceSpec> services = new LinkedHashMap<>();
        services.put("web", routed(null));
        services.put("worker", new ServiceSpec("worker:1", 9000, new HealthSpec("/", Duration.ofSeconds(5),
                Duration.ofSeconds(60)), false, false, Map.of(), null));
        services.put("api", routed("api.shop.test"));
        return new StackSpec("shop", new RouterSpec(kind, 8080, "0.0.0.0", "router:local", Duration.ofSeconds(30)), services);
    }

    static RoutingTable table(Color web, Color api) {
        return new RoutingTable(Map.of("web", ServiceRoute.allTo(web), "api", ServiceRoute.allTo(api)), false);
    }
}
