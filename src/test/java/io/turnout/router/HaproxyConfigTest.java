package io.turnout.router;

import io.turnout.router.RoutingTable.ServiceRoute;
import io.turnout.stack.Color;
import io.turnout.stack.StackSpec;
import io.turnout.stack.StackSpec.RouterKind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import static io.turnout.stack.Color.BLUE;
import static io.turnout.stack.Color.GREEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HaproxyConfigTest {

    private final StackSpec shop = RouterSpecs.shop(RouterKind.HAPROXY);

    @Test
    void firstLineRecordsTheTableItWasRenderedFrom() {
        RoutingTable table = RouterSpecs.table(BLUE, GREEN);
        String cfg = HaproxyConfig.render(shop, table, Set.of(), "10.1.2.1");
        assertThat(RoutingState.parse(cfg)).isEqualTo(table);
    }

    @Test
    void publicFrontendRoutesByHostWithTheHostlessServiceAsDefault() {
        String cfg = HaproxyConfig.render(shop, RouterSpecs.table(BLUE, BLUE), Set.of(), "10.1.2.1");
        assertThat(cfg).contains("frontend fe.public\n    bind :80\n")
                .contains("    use_backend api if { req.hdr(host),field(1,:) -m str -i api.shop.test }\n")
                .contains("    default_backend web\n")
                .doesNotContain("worker");
    }

    @Test
    void serversAreContainerNamesWithWeightsChecksAndTheColorHeader() {
        String cfg = HaproxyConfig.render(shop, RouterSpecs.table(GREEN, BLUE), Set.of(), "10.1.2.1");
        assertThat(cfg).contains("""
                backend web
                    balance roundrobin
                    option httpchk GET /health
                    http-response set-header X-Turnout-Color %[srv_name]
                    server blue shop-web-blue:8080 check inter 2000ms weight 0
                    server green shop-web-green:8080 check inter 2000ms weight 100
                """);
        assertThat(cfg).contains("resolvers docker\n    nameserver dockerdns 127.0.0.11:53\n")
                .contains("default-server init-addr libc,none resolvers docker");
    }

    @Test
    void previewBackendServesThePreviewColorAndDisablesTheOther() {
        String cfg = HaproxyConfig.render(shop, RouterSpecs.table(GREEN, BLUE), Set.of(), "10.1.2.1");
        assertThat(cfg).contains("frontend fe.preview.web\n    bind :8100\n    default_backend preview.web\n")
                .contains("frontend fe.preview.api\n    bind :8101\n    default_backend preview.api\n")
                .contains("server blue shop-web-blue:8080 check inter 2000ms weight 100\n"
                        + "    server green shop-web-green:8080 check inter 2000ms weight 0 disabled\n");
    }

    @Test
    void missingContainersStartWithoutAnAddressInsteadOfALibcLookup() {
        String cfg = HaproxyConfig.render(shop, RouterSpecs.table(BLUE, BLUE), Set.of("shop-web-green"), "10.1.2.1");
        assertThat(cfg).contains("server green shop-web-green:8080 check inter 2000ms weight 0 init-addr none\n")
                .contains("server blue shop-web-blue:8080 check inter 2000ms weight 100\n");
    }

    @Test
    void runtimeApiAcceptsOnlyTheNetworkGatewayWherePublishedPortsConnectFrom() {
        String cfg = HaproxyConfig.render(shop, RouterSpecs.table(BLUE, BLUE), Set.of(), "10.1.2.1");
        assertThat(cfg).contains("stats socket /run/haproxy/admin.sock mode 600 level admin")
                .contains("""
                        listen runtime
                            mode tcp
                            option tcplog
                            bind :9999
                            tcp-request connection reject unless { src 10.1.2.1 }
                            server admin unix@/run/haproxy/admin.sock
                        """);
        assertThat(HaproxyConfig.render(shop, RouterSpecs.table(BLUE, BLUE), Set.of(), null)).doesNotContain("reject");
    }

    @Test
    void requestsAreLoggedToStdoutInTheStandardHttpFormatTheTrafficFeedParses() {
        String cfg = HaproxyConfig.render(shop, RouterSpecs.table(BLUE, BLUE), Set.of(), "10.1.2.1");
        // io.turnout.traffic.AccessLogLine reads backend/server, the timers and the status of this format
        assertThat(cfg).contains("log stdout format raw local0 info").contains("    option httplog\n")
                .doesNotContain("log-format");
    }

    @Test
    void statsPageAndDrainTimeoutAreConfigured() {
        String cfg = HaproxyConfig.render(shop, RouterSpecs.table(BLUE, BLUE), Set.of(), "10.1.2.1");
        assertThat(cfg).contains("hard-stop-after 30000ms")
                .contains("frontend fe.stats\n    bind :8404\n    stats enable\n");
    }

    @Test
    void maintenanceLivesInTheAclFileThatTheFrontendReads() {
        Map<String, byte[]> on = HaproxyConfig.files(shop, RouterSpecs.table(BLUE, BLUE).withMaintenance(true), Set.of(), "10.1.2.1");
        Map<String, byte[]> off = HaproxyConfig.files(shop, RouterSpecs.table(BLUE, BLUE), Set.of(), "10.1.2.1");
        assertThat(new String(on.get("maintenance.acl"), StandardCharsets.UTF_8)).isEqualTo("on\n");
        assertThat(off.get("maintenance.acl")).isEmpty();
        assertThat(new String(on.get("maintenance.html"), StandardCharsets.UTF_8)).contains("Down for maintenance");
        assertThat(new String(on.get("haproxy.cfg"), StandardCharsets.UTF_8))
                .contains("acl maintenance str(on) -m str -f /usr/local/etc/haproxy/maintenance.acl")
                .contains("http-request return status 503 content-type \"text/html; charset=utf-8\" file "
                        + "/usr/local/etc/haproxy/maintenance.html hdr Retry-After 60 if maintenance");
    }

    @Test
    void aTableWithoutEveryRoutedServiceIsRefused() {
        RoutingTable onlyWeb = new RoutingTable(Map.of("web", ServiceRoute.allTo(Color.BLUE)), false);
        assertThatThrownBy(() -> HaproxyConfig.render(shop, onlyWeb, Set.of(), "10.1.2.1"))
                .isInstanceOf(RouterException.class).hasMessageContaining("No route for routed service 'api'");
    }

    @Test
    void aHealthPathThatWouldBreakTheConfigIsRefused() {
        StackSpec bad = new StackSpec("shop", shop.router(), Map.of("web", new StackSpec.ServiceSpec("a", 80,
                new StackSpec.HealthSpec("/health now", java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(5)),
                true, true, Map.of(), null)));
        assertThatThrownBy(() -> HaproxyConfig.render(bad, new RoutingTable(Map.of("web", ServiceRoute.allTo(BLUE)), false), Set.of(), null))
                .isInstanceOf(RouterException.class).hasMessageContaining("health path of web");
    }
}
