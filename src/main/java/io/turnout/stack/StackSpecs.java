package io.turnout.stack;

import io.turnout.stack.StackSpec.HealthSpec;
import io.turnout.stack.StackSpec.RouterKind;
import io.turnout.stack.StackSpec.RouterSpec;
import io.turnout.stack.StackSpec.ServiceSpec;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * turnout.yml: parsing with validation (errors are one sentence naming the key and its line),
 * rendering back to YAML, and the config hash that tells config-only changes apart.
 *
 * <pre>
 * name: shop
 * router: { kind: haproxy, publicPort: 18080 }   # optional: publicBind, image, drainTimeout
 * services:
 *   web:
 *     image: turnout-fixture/app:v1
 *     port: 8080
 *     health: { path: /health, interval: 2s, timeout: 60s }   # optional probes: { liveness: { path: /live, interval: 5s }, readiness: ..., startup: ... }
 *     routed: true
 *     critical: true
 *     env: { GREETING: hello }
 *     host: shop.example      # only when several services are routed
 * </pre>
 */
public final class StackSpecs {

    /** Stack and service names: they end up in container, network and file names. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,30}");

    public static final String HAPROXY_IMAGE = "turnout-fixture/haproxy:local";
    public static final String NGINX_IMAGE = "turnout-fixture/nginx:local";
    public static final String DEFAULT_PUBLIC_BIND = "0.0.0.0";
    public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(30);
    public static final HealthSpec DEFAULT_HEALTH = new HealthSpec("/health", Duration.ofSeconds(2), Duration.ofSeconds(60));

    /** Environment variables that replace the health defaults for services whose file does not set them. */
    public static final String ENV_HEALTH_CHECK_INTERVAL = "HEALTH_CHECK_INTERVAL";
    public static final String ENV_HEALTH_CHECK_TIMEOUT = "HEALTH_CHECK_TIMEOUT";

    private StackSpecs() {
    }

    /** Parses with the built-in health defaults. @throws IllegalArgumentException naming the key and line */
    public static StackSpec parse(String yaml) {
        return parse(yaml, Map.of());
    }

    /**
     * @param env the process environment (only {@link #ENV_HEALTH_CHECK_INTERVAL} and {@link #ENV_HEALTH_CHECK_TIMEOUT} are read)
     * @throws IllegalArgumentException with one sentence naming the key and its line, or the environment variable
     */
    public static StackSpec parse(String yaml, Map<String, String> env) {
        return new SpecReader(env).read(yaml);
    }

    /** The health spec a service gets when its file says nothing: the environment's, else {@link #DEFAULT_HEALTH}. */
    public static HealthSpec defaultHealth(Map<String, String> env) {
        Duration interval = envDuration(env, ENV_HEALTH_CHECK_INTERVAL).orElse(DEFAULT_HEALTH.interval());
        Duration timeout = envDuration(env, ENV_HEALTH_CHECK_TIMEOUT).orElse(DEFAULT_HEALTH.timeout());
        return new HealthSpec(DEFAULT_HEALTH.path(), interval, timeout);
    }

    private static Optional<Duration> envDuration(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        Duration d = Durations.parse(v).orElseThrow(() -> new IllegalArgumentException("The environment variable " + name + "='" + v
                + "' is not a duration such as 500ms, 2s, 1m or 1h."));
        if (d.isZero()) {
            throw new IllegalArgumentException("The environment variable " + name + " must be longer than 0.");
        }
        return Optional.of(d);
    }

    public static String defaultRouterImage(RouterKind kind) {
        return kind == RouterKind.NGINX ? NGINX_IMAGE : HAPROXY_IMAGE;
    }

    /** {@code 500ms}, {@code 2s}, {@code 1m}, {@code 1h}. @throws IllegalArgumentException for anything else */
    public static Duration parseDuration(String text) {
        return Durations.parse(text).orElseThrow(() -> new IllegalArgumentException(
                "'" + text + "' is not a duration such as 500ms, 2s, 1m or 1h."));
    }

    public static String formatDuration(Duration d) {
        return Durations.format(d);
    }

    /** Every field written out (defaults too), so the file on the host says exactly what runs; parse(render(s)) equals s. */
    public static String render(StackSpec spec) {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("name", spec.name());
        RouterSpec r = spec.router();
        Map<String, Object> router = new LinkedHashMap<>();
        router.put("kind", r.kind().name().toLowerCase(Locale.ROOT));
        router.put("publicPort", r.publicPort());
        router.put("publicBind", r.publicBind());
        router.put("image", r.image());
        router.put("drainTimeout", Durations.format(r.drainTimeout()));
        top.put("router", router);
        Map<String, Object> services = new LinkedHashMap<>();
        spec.services().forEach((name, s) -> services.put(name, service(s)));
        top.put("services", services);

        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setSplitLines(false);
        return new Yaml(options).dump(top);
    }

    private static Map<String, Object> service(ServiceSpec s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("image", s.image());
        m.put("port", s.port());
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("path", s.health().path());
        health.put("interval", Durations.format(s.health().interval()));
        health.put("timeout", Durations.format(s.health().timeout()));
        if (!s.health().probes().isEmpty()) {
            Map<String, Object> probes = new LinkedHashMap<>();
            s.health().probes().forEach((kind, p) -> probes.put(kind,
                    new LinkedHashMap<>(Map.of("path", p.path(), "interval", Durations.format(p.interval())))));
            health.put("probes", probes);
        }
        m.put("health", health);
        m.put("routed", s.routed());
        m.put("critical", s.critical());
        if (!s.env().isEmpty()) {
            m.put("env", new LinkedHashMap<>(s.env()));
        }
        if (s.host() != null) {
            m.put("host", s.host());
        }
        return m;
    }

    /**
     * SHA-256 (first 12 hex digits) over everything but the image, in a fixed order with
     * length-prefixed values, so two specs that differ only in their image hash alike and no
     * value can impersonate a field boundary.
     */
    public static String configHash(ServiceSpec s) {
        StringBuilder sb = new StringBuilder();
        field(sb, "port", Integer.toString(s.port()));
        field(sb, "health.path", s.health().path());
        field(sb, "health.interval", s.health().interval().toString());
        field(sb, "health.timeout", s.health().timeout().toString());
        field(sb, "routed", Boolean.toString(s.routed()));
        field(sb, "critical", Boolean.toString(s.critical()));
        field(sb, "host", s.host() == null ? "" : s.host());
        s.env().forEach((k, v) -> field(sb, "env." + k, v)); // a TreeMap: sorted
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static void field(StringBuilder sb, String key, String value) {
        sb.append(key).append('=').append(value.length()).append(':').append(value).append('\n');
    }
}
