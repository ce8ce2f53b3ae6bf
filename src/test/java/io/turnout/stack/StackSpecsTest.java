package io.turnout.stack;

import io.turnout.stack.StackSpec.HealthSpec;
import io.turnout.stack.StackSpec.RouterKind;
import io.turnout.stack.StackSpec.ServiceSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackSpecsTest {

    private static final String SHOP = """
            name: shop
            router: { kind: haproxy, publicPort: 18080 }
            services:
              web:
                image: turnout-fixture/app:v1
                port: 8080
                health: { path: /health, interval: 2s, timeout: 60s }
                routed: true
                critical: true
                env: { GREETING: hello, WORKERS: 4 }
              worker:
                image: turnout-fixture/app:v1
                port: 9000
                routed: false
                critical: false
            """;

    @Test
    void parsesTheDocumentedFormatInFileOrder() {
        StackSpec spec = StackSpecs.parse(SHOP);

        assertThat(spec.name()).isEqualTo("shop");
        assertThat(spec.router().kind()).isEqualTo(RouterKind.HAPROXY);
        assertThat(spec.router().publicPort()).isEqualTo(18080);
        assertThat(spec.services().keySet()).containsExactly("web", "worker");
        ServiceSpec web = spec.service("web");
        assertThat(web.image()).isEqualTo("turnout-fixture/app:v1");
        assertThat(web.port()).isEqualTo(8080);
        assertThat(web.health()).isEqualTo(new HealthSpec("/health", Duration.ofSeconds(2), Duration.ofSeconds(60)));
        assertThat(web.env()).containsExactly(Map.entry("GREETING", "hello"), Map.entry("WORKERS", "4"));
        assertThat(web.host()).isNull();
        assertThat(spec.service("worker").routed()).isFalse();
        assertThat(spec.service("worker").critical()).isFalse();
    }

    @Test
    void fillsDefaultsForEverythingOptional() {
        StackSpec spec = StackSpecs.parse("""
                name: tiny
                router: { publicPort: 80 }
                services:
                  web: { image: app:v1, port: 8080 }
                """);

        assertThat(spec.router().kind()).isEqualTo(RouterKind.HAPROXY);
        assertThat(spec.router().image()).isEqualTo(StackSpecs.HAPROXY_IMAGE);
        assertThat(spec.router().publicBind()).isEqualTo("0.0.0.0");
        assertThat(spec.router().drainTimeout()).isEqualTo(Duration.ofSeconds(30));
        ServiceSpec web = spec.service("web");
        assertThat(web.health()).isEqualTo(StackSpecs.DEFAULT_HEALTH);
        assertThat(web.routed()).isTrue();
        assertThat(web.critical()).isTrue();
        assertThat(web.env()).isEmpty();
    }

    @Test
    void nginxRouterGetsTheNginxImageAndOptionalFieldsAreRead() {
        StackSpec spec = StackSpecs.parse("""
                name: tiny
                router: { kind: nginx, publicPort: 80, publicBind: 127.0.0.1, drainTimeout: 500ms }
                services:
                  web: { image: app:v1, port: 8080, health: { path: /ready } }
                """);

        assertThat(spec.router().image()).isEqualTo(StackSpecs.NGINX_IMAGE);
        assertThat(spec.router().publicBind()).isEqualTo("127.0.0.1");
        assertThat(spec.router().drainTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(spec.service("web").health()).isEqualTo(new HealthSpec("/ready", Duration.ofSeconds(2), Duration.ofSeconds(60)));
    }

    @Test
    void environmentReplacesHealthDefaultsButNotWhatTheFileSays() {
        String yaml = """
                name: tiny
                router: { publicPort: 80 }
                services:
                  web: { image: app:v1, port: 8080 }
                  api: { image: app:v1, port: 8081, host: api.example, health: { timeout: 10s } }
                """;
        StackSpec spec = StackSpecs.parse(yaml, Map.of("HEALTH_CHECK_TIMEOUT", "2m", "HEALTH_CHECK_INTERVAL", "500ms"));

        assertThat(spec.service("web").health()).isEqualTo(new HealthSpec("/health", Duration.ofMillis(500), Duration.ofMinutes(2)));
        assertThat(spec.service("api").health()).isEqualTo(new HealthSpec("/health", Duration.ofMillis(500), Duration.ofSeconds(10)));
    }

    @Test
    void invalidEnvironmentDefaultNamesTheVariable() {
        assertThatThrownBy(() -> StackSpecs.parse(SHOP, Map.of("HEALTH_CHECK_TIMEOUT", "soon")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The environment variable HEALTH_CHECK_TIMEOUT='soon' is not a duration such as 500ms, 2s, 1m or 1h.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            500ms | PT0.5S
            2s    | PT2S
            1m    | PT1M
            1h    | PT1H
            """)
    void durationsTakeOneUnit(String text, Duration expected) {
        assertThat(StackSpecs.parseDuration(text)).isEqualTo(expected);
        assertThat(StackSpecs.formatDuration(expected)).isEqualTo(text);
    }

    @Test
    void durationWithoutUnitIsRefused() {
        assertThatThrownBy(() -> StackSpecs.parseDuration("30")).hasMessage("'30' is not a duration such as 500ms, 2s, 1m or 1h.");
    }

    // ---- validation: one sentence naming the key and the line -----------------------------------

    private static void assertInvalid(String yaml, String message) {
        assertThatThrownBy(() -> StackSpecs.parse(yaml)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    private static final String ROUTER = "router: { publicPort: 80 }\n";

    @Test
    void emptyFile() {
        assertInvalid("", "turnout.yml is empty: it needs name, router and services.");
    }

    @Test
    void brokenYamlNamesTheLine() {
        assertThatThrownBy(() -> StackSpecs.parse("name: shop\nrouter: { publicPort: 80\nservices: {}\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("turnout.yml line 3 is not valid YAML:");
    }

    @Test
    void brokenYamlNeverQuotesTheText() {
        assertThatThrownBy(() -> StackSpecs.parse("name: shop\n" + ROUTER + "services:\n  web: { image: a, port: 1, env: { DB_PASSWORD: \"hunter2 } }\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasNoCause()
                .message().doesNotContain("hunter2");
    }

    @Test
    void unknownTopLevelKeyListsTheValidOnes() {
        assertInvalid("name: shop\n" + ROUTER + "servces: {}\n",
                "turnout.yml line 3: unknown key 'servces' in the top level; valid keys are name, router, services.");
    }

    @Test
    void unknownServiceKeyListsTheValidOnes() {
        assertInvalid("name: shop\n" + ROUTER + "services:\n  web:\n    image: a\n    prot: 80\n",
                "turnout.yml line 6: unknown key 'prot' in services.web; valid keys are critical, env, health, host, image, port, routed.");
    }

    @Test
    void unknownRouterAndHealthKeys() {
        assertInvalid("name: shop\nrouter: { publicPort: 80, tls: true }\nservices:\n  web: { image: a, port: 1 }\n",
                "turnout.yml line 2: unknown key 'tls' in router; valid keys are drainTimeout, image, kind, publicBind, publicPort.");
        assertInvalid("name: shop\n" + ROUTER + "services:\n  web: { image: a, port: 1, health: { url: /x } }\n",
                "turnout.yml line 4: unknown key 'url' in services.web.health; valid keys are interval, path, probes, timeout.");
    }

    @Test
    void duplicateKey() {
        assertInvalid("name: shop\nname: other\n" + ROUTER + "services:\n  web: { image: a, port: 1 }\n",
                "turnout.yml line 2: duplicate key 'name' in the top level.");
    }

    @Test
    void missingName() {
        assertInvalid(ROUTER + "services:\n  web: { image: a, port: 1 }\n", "turnout.yml line 1: name is required.");
    }

    @Test
    void badStackName() {
        assertInvalid("name: Shop_1\n" + ROUTER + "services:\n  web: { image: a, port: 1 }\n",
                "turnout.yml line 1: name 'Shop_1' must be 1 to 31 lower-case letters, digits or '-', starting with a letter or digit.");
        assertInvalid("name: " + "a".repeat(32) + "\n" + ROUTER + "services:\n  web: { image: a, port: 1 }\n",
                "turnout.yml line 1: name '" + "a".repeat(32) + "' must be 1 to 31 lower-case letters, digits or '-', starting with a letter or digit.");
    }

    @Test
    void badServiceName() {
        assertInvalid("name: shop\n" + ROUTER + "services:\n  -web: { image: a, port: 1 }\n",
                "turnout.yml line 4: service name '-web' must be 1 to 31 lower-case letters, digits or '-', starting with a letter or digit.");
    }

    @Test
    void missingRouterOrPublicPort() {
        assertInvalid("name: shop\nservices:\n  web: { image: a, port: 1 }\n", "turnout.yml line 1: router is required.");
        assertInvalid("name: shop\nrouter: { kind: nginx }\nservices:\n  web: { image: a, port: 1 }\n",
                "turnout.yml line 2: router.publicPort is required.");
    }

    @Test
    void badRouterKind() {
        assertInvalid("name: shop\nrouter: { kind: traefik, publicPort: 80 }\nservices:\n  web: { image: a, port: 1 }\n",
                "turnout.yml line 2: router.kind must be haproxy or nginx, not 'traefik'.");
    }

    @Test
    void portsOutOfRange() {
        assertInvalid("name: shop\nrouter: { publicPort: 0 }\nservices:\n  web: { image: a, port: 1 }\n",
                "turnout.yml line 2: router.publicPort must be between 1 and 65535, not 0.");
        assertInvalid("name: shop\n" + ROUTER + "services:\n  web:\n    image: a\n    port: 70000\n",
                "turnout.yml line 6: services.web.port must be between 1 and 65535, not 70000.");
        assertInvalid("name: shop\n" + ROUTER + "services:\n  web:\n    image: a\n    port: http\n",
                "turnout.yml line 6: services.web.port must be a whole number, not 'http'.");
    }

    @Test
    void noServices() {
        assertInvalid("name: shop\n" + ROUTER + "services: {}\n", "turnout.yml line 3: services must name at least one service.");
        assertInvalid("name: shop\n" + ROUTER + "services:\n", "turnout.yml line 1: services is required.");
    }

    @Test
    void missingImageOrPort() {
        assertInvalid("name: shop\n" + ROUTER + "services:\n  web: { port: 1 }\n", "turnout.yml line 4: services.web.image is required.");
        assertInvalid("name: shop\n" + ROUTER + "services:\n  web: { image: a }\n", "turnout.yml line 4: services.web.port is required.");
        assertInvalid("name: shop\n" + ROUTER + "services:\n  web: { image: 'a b', port: 1 }\n",
                "turnout.yml line 4: services.web.image must be an image reference such as turnout-fixture/app:v1, not 'a b'.");
    }

    @Test
    void twoRoutedServicesWithoutHost() {
        assertInvalid("name: shop\n" + ROUTER + "services:\n  web: { image: a, port: 1 }\n  api: { image: a, port: 2 }\n",
                "turnout.yml line 5: services web and api are both routed without a host; give all but one of them a host (the Host header that selects it).");
    }

    @Test
    void hostRules() {
        assertInvalid("name: shop\n" + ROUTER + "services:\n  web: { image: a, port: 1 }\n  db: { image: a, port: 2, routed: false, host: db.example }\n",
                "turnout.yml line 5: services.db.host only applies to routed services; remove it or set routed: true.");
        assertInvalid("name: shop\n" + ROUTER + "services:\n  web: { image: a, port: 1, host: a.example }\n  api: { image: a, port: 2, host: A.example }\n",
                "turnout.yml line 5: services web and api both use host A.example.");
    }

    @Test
    void badBooleanDurationAndHealthPath() {
        assertInvalid("name: shop\n" + ROUTER + "services:\n  web: { image: a, port: 1, routed: maybe }\n",
                "turnout.yml line 4: services.web.routed must be true or false, not 'maybe'.");
        assertInvalid("name: shop\n" + ROUTER + "services:\n  web: { image: a, port: 1, health: { interval: 2 } }\n",
                "turnout.yml line 4: services.web.health.interval must be a duration such as 500ms, 2s, 1m or 1h, not '2'.");
        assertInvalid("name: shop\n" + ROUTER + "services:\n  web: { image: a, port: 1, health: { path: health } }\n",
                "turnout.yml line 4: services.web.health.path must be an HTTP path starting with '/', not 'health'.");
        assertInvalid("name: shop\n" + ROUTER + "services:\n  web: { image: a, port: 1, health: { interval: 1m, timeout: 10s } }\n",
                "turnout.yml line 4: services.web.health.timeout (10s) must not be shorter than services.web.health.interval (1m).");
    }

    @Test
    void wrongShapes() {
        assertInvalid("name: shop\nrouter: 80\nservices:\n  web: { image: a, port: 1 }\n",
                "turnout.yml line 2: router must be a mapping of keys (drainTimeout, image, kind, publicBind, publicPort).");
        assertInvalid("name: [shop]\n" + ROUTER + "services:\n  web: { image: a, port: 1 }\n",
                "turnout.yml line 1: name must be a single value, not a list.");
    }

    @Test
    void badEnvNameButValuesNeverAppearInMessages() {
        assertInvalid("name: shop\n" + ROUTER + "services:\n  web:\n    image: a\n    port: 1\n    env: { 1PASSWORD: hunter2 }\n",
                "turnout.yml line 7: services.web.env name '1PASSWORD' must be letters, digits and '_', not starting with a digit.");
    }

    // ---- render and hash ------------------------------------------------------------------------

    @Test
    void renderRoundTrips() {
        StackSpec spec = StackSpecs.parse(SHOP.replace("routed: false", "host: w.example"));
        String yaml = StackSpecs.render(spec);

        assertThat(StackSpecs.parse(yaml)).isEqualTo(spec);
        assertThat(yaml).startsWith("name: shop\nrouter:\n  kind: haproxy\n  publicPort: 18080\n");
        assertThat(yaml).contains("    env:\n      GREETING: hello\n      WORKERS: '4'\n").contains("    host: w.example\n");
    }

    @Test
    void renderQuotesValuesThatWouldChangeMeaning() {
        StackSpec spec = new StackSpec("q", new StackSpec.RouterSpec(RouterKind.NGINX, 80, "::", "r:1", Duration.ofMillis(1500)),
                Map.of("web", new ServiceSpec("a:1", 80, StackSpecs.DEFAULT_HEALTH, true, true,
                        Map.of("EMPTY", "", "BOOL", "yes", "NULL", "~", "HASH", "a # b", "MULTI", "one\ntwo", "COLON", "k: v"), null)));

        assertThat(StackSpecs.parse(StackSpecs.render(spec))).isEqualTo(spec);
    }

    @Test
    void configHashIgnoresTheImageAndIsStable() {
        ServiceSpec web = StackSpecs.parse(SHOP).service("web");
        String hash = StackSpecs.configHash(web);

        assertThat(hash).hasSize(12).matches("[0-9a-f]{12}");
        assertThat(StackSpecs.configHash(web.withImage("turnout-fixture/app:v2"))).isEqualTo(hash);
        assertThat(StackSpecs.configHash(StackSpecs.parse(SHOP.replace("GREETING: hello, WORKERS: 4", "WORKERS: 4, GREETING: hello"))
                .service("web"))).isEqualTo(hash);
        assertThat(hash).isEqualTo(StackSpecs.configHash(StackSpecs.parse(StackSpecs.render(StackSpecs.parse(SHOP))).service("web")));
    }

    @Test
    void configHashChangesWithConfiguration() {
        ServiceSpec web = StackSpecs.parse(SHOP).service("web");
        String hash = StackSpecs.configHash(web);

        assertThat(StackSpecs.configHash(new ServiceSpec(web.image(), 8081, web.health(), true, true, web.env(), null))).isNotEqualTo(hash);
        assertThat(StackSpecs.configHash(new ServiceSpec(web.image(), 8080, web.health(), true, true, Map.of("GREETING", "hi", "WORKERS", "4"), null)))
                .isNotEqualTo(hash);
        assertThat(StackSpecs.configHash(new ServiceSpec(web.image(), 8080, new HealthSpec("/health", Duration.ofSeconds(3), Duration.ofSeconds(60)),
                true, true, web.env(), null))).isNotEqualTo(hash);
        assertThat(StackSpecs.configHash(new ServiceSpec(web.image(), 8080, web.health(), true, false, web.env(), null))).isNotEqualTo(hash);
        // A value cannot pose as a field boundary.
        assertThat(StackSpecs.configHash(new ServiceSpec("a", 1, web.health(), true, true, Map.of("A", "1\nenv.B=1:2"), null)))
                .isNotEqualTo(StackSpecs.configHash(new ServiceSpec("a", 1, web.health(), true, true, Map.of("A", "1", "B", "2"), null)));
    }
}
