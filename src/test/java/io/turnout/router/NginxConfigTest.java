package io.turnout.router;

import io.turnout.router.RoutingTable.ServiceRoute;
import io.turnout.stack.StackSpec;
import io.turnout.stack.StackSpec.RouterKind;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.turnout.stack.Color.BLUE;
import static io.turnout.stack.Color.GREEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NginxConfigTest {

    private final StackSpec shop = RouterSpecs.shop(RouterKind.NGINX);

    @Test
    void firstLineIsTheTruthCurrentReadsBack() {
        RoutingTable t = RouterSpecs.table(GREEN, BLUE);
        assertThat(RoutingState.parse(NginxConfig.render(shop, t))).isEqualTo(t);
    }

    @Test
    void publicServerProxiesToTheLiveColorByContainerNameThroughTheResolver() {
        String conf = NginxConfig.render(shop, RouterSpecs.table(GREEN, BLUE));
        assertThat(conf).contains("resolver 127.0.0.11 valid=5s ipv6=off;")
                .contains("""
                            # web: public
                            server {
                                listen 80 default_server;
                                server_name _;
                                location / {
                                    set $turnout_route web/green;
                                    access_log /dev/stdout turnout;
                                    set $turnout_backend shop-web-green;
                                    proxy_pass http://$turnout_backend:8080;
                                    add_header X-Turnout-Color green always;
                                }
                            }
                        """)
                .contains("        listen 80;\n        server_name api.shop.test;\n")
                .contains("worker_shutdown_timeout 30000ms;");
    }

    @Test
    void onlyPublicRequestsAreLoggedInTheFormatTheTrafficFeedCounts() {
        String conf = NginxConfig.render(shop, RouterSpecs.table(GREEN, BLUE));
        assertThat(conf).contains("log_format turnout '" + NginxRouter.ACCESS_LOG_PREFIX + "$turnout_route $status $request_time';")
                .contains("    access_log off;\n");
        assertThat(conf.split("access_log /dev/stdout turnout;", -1)).as("one logged location per public server").hasSize(3);
        assertThat(conf).contains("set $turnout_route \"-\";");
    }

    @Test
    void previewServerServesThePreviewColorOnItsOwnPort() {
        String conf = NginxConfig.render(shop, RouterSpecs.table(GREEN, BLUE));
        assertThat(conf).contains("        listen 8100;\n        location / {\n            set $turnout_backend shop-web-blue;\n")
                .contains("        listen 8101;\n        location / {\n            set $turnout_backend shop-api-green;\n");
    }

    @Test
    void maintenanceReturns503WithThePageOnPublicServersOnly() {
        String conf = NginxConfig.render(shop, RouterSpecs.table(BLUE, BLUE).withMaintenance(true));
        assertThat(conf).contains("return 503 '<!doctype html>").contains("Down for maintenance");
        assertThat(conf.split("return 503 '<!doctype")).hasSize(3); // web and api, not previews
        assertThat(conf).contains("        listen 8100;\n        location / {\n            set $turnout_backend shop-web-green;\n");
    }

    @Test
    void adminServerHasStubStatusGenerationAndOneProbePerColor() {
        String conf = NginxConfig.render(shop, RouterSpecs.table(BLUE, BLUE));
        assertThat(conf).contains("listen 8404;").contains("stub_status;")
                .contains("location = /turnout/check/api/green {\n            set $turnout_backend shop-api-green;\n"
                        + "            proxy_pass http://$turnout_backend:8080/health;\n");
        assertThat(NginxConfig.generation(conf)).matches("[0-9a-f]{16}");
    }

    @Test
    void generationChangesWithTheRoutingAndOnlyWithIt() {
        String a = NginxConfig.render(shop, RouterSpecs.table(BLUE, BLUE));
        assertThat(NginxConfig.generation(NginxConfig.render(shop, RouterSpecs.table(BLUE, BLUE)))).isEqualTo(NginxConfig.generation(a));
        assertThat(NginxConfig.generation(NginxConfig.render(shop, RouterSpecs.table(GREEN, BLUE)))).isNotEqualTo(NginxConfig.generation(a));
    }

    @Test
    void noLiveColorAnswers503InsteadOfProxying() {
        RoutingTable none = RouterSpecs.table(BLUE, BLUE).with("web", new ServiceRoute(Map.of(), null));
        String conf = NginxConfig.render(shop, none);
        assertThat(conf).contains("return 503 \"no color of web is live\\n\";").contains("return 503 \"no preview color for web\\n\";");
    }

    @Test
    void splitOrPartialWeightsAreRefused() {
        for (Map<io.turnout.stack.Color, Integer> w : java.util.List.of(Map.of(BLUE, 90, GREEN, 10), Map.of(BLUE, 50),
                Map.of(BLUE, 100, GREEN, 100))) {
            RoutingTable t = RouterSpecs.table(BLUE, BLUE).with("web", new ServiceRoute(w, GREEN));
            assertThatThrownBy(() -> NginxConfig.render(shop, t)).isInstanceOf(RouterException.class)
                    .hasMessageContaining("nginx supports only all-or-nothing switches");
        }
    }
}
