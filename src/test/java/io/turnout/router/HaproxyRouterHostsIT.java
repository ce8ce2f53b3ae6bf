package io.turnout.router;

import io.turnout.testing.Poll;

import io.turnout.router.RoutingTable.ServiceRoute;
import io.turnout.stack.StackSpec;
import io.turnout.stack.StackSpec.RouterKind;
import io.turnout.target.PortReach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.turnout.stack.Color.BLUE;
import static io.turnout.stack.Color.GREEN;
import static org.assertj.core.api.Assertions.assertThat;

/** Two routed services behind one HAProxy: selected by Host, the one without a host as default. */
class HaproxyRouterHostsIT {

    private final RouterSandbox sandbox = new RouterSandbox();

    @AfterEach
    void cleanUp() {
        sandbox.close();
    }

    @Test
    void hostHeaderSelectsTheServiceAndEachServiceHasItsOwnPreview() throws IOException {
        Map<String, StackSpec.ServiceSpec> services = new LinkedHashMap<>();
        services.put("web", RouterSandbox.service(null));
        services.put("api", RouterSandbox.service("api.shop.test"));
        StackSpec spec = sandbox.spec(RouterKind.HAPROXY, services);
        sandbox.ensureNetwork(spec);
        sandbox.runColor(spec, "web", BLUE, "turnout-fixture/app:v1");
        sandbox.runColor(spec, "api", BLUE, "turnout-fixture/app:v2");
        sandbox.runColor(spec, "api", GREEN, "turnout-fixture/app:errors");
        RoutingTable routes = new RoutingTable(Map.of("web", ServiceRoute.allTo(BLUE), "api", ServiceRoute.allTo(BLUE)), false);
        StackRouter router = StackRouters.forSpec(sandbox.docker(), PortReach.LOCAL, spec);

        router.deploy(spec, routes);

        RouterAssertions.awaitServes(router.publicAddress(), "v1", "blue");
        Poll.until(Duration.ofSeconds(20), "api by Host", () -> get(router, "api.shop.test:8080"),
                r -> r.status() == 200 && "v2".equals(r.header("x-turnout-version")));
        assertThat(get(router, "other.shop.test").header("x-turnout-version")).isEqualTo("v1");
        // web's green does not exist: its preview has no server; api's green answers (500 by design of :errors)
        assertThat(RawHttp.once(router.previewAddress("web"), "/", "127.0.0.1").status()).isEqualTo(503);
        Poll.until(Duration.ofSeconds(20), "api preview", () -> once(router.previewAddress("api")),
                r -> r.status() == 500 && "green".equals(r.header("x-turnout-color")));
        assertThat(router.checks()).containsOnlyKeys("web", "api");
        assertThat(router.current()).isEqualTo(routes);
    }

    private static RawHttp.Response get(StackRouter router, String host) {
        try {
            return RawHttp.once(router.publicAddress(), "/", host);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static RawHttp.Response once(java.net.InetSocketAddress to) {
        try {
            return RawHttp.once(to, "/", "127.0.0.1");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
