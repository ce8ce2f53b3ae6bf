package io.turnout.stack;

import io.turnout.stack.StackSpec.HealthSpec;
import io.turnout.stack.StackSpec.ProbeSpec;
import io.turnout.stack.StackSpec.RouterKind;
import io.turnout.stack.StackSpec.RouterSpec;
import io.turnout.stack.StackSpec.ServiceSpec;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

import java.io.StringReader;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static io.turnout.stack.YamlFields.error;

/** Reads and validates turnout.yml; see {@link StackSpecs#parse(String, Map)}. */
final class SpecReader {

    private static final List<String> TOP_KEYS = List.of("name", "router", "services");
    private static final List<String> ROUTER_KEYS = List.of("kind", "publicPort", "publicBind", "image", "drainTimeout");
    private static final List<String> SERVICE_KEYS = List.of("image", "port", "health", "routed", "critical", "env", "host");
    private static final List<String> HEALTH_KEYS = List.of("path", "interval", "timeout", "probes");
    private static final List<String> PROBE_KEYS = List.of("path", "interval");

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9*]([A-Za-z0-9.-]*[A-Za-z0-9])?");

    private final HealthSpec healthDefaults;

    SpecReader(Map<String, String> env) {
        this.healthDefaults = StackSpecs.defaultHealth(env);
    }

    StackSpec read(String yaml) {
        YamlFields top = new YamlFields(compose(yaml), "", TOP_KEYS);
        String name = top.requiredString("name");
        if (!StackSpecs.NAME.matcher(name).matches()) {
            throw error(top.required("name"), "name '" + name + "' must be 1 to 31 lower-case letters, digits or '-', starting with a letter or digit");
        }
        RouterSpec router = router(new YamlFields(top.required("router"), "router", ROUTER_KEYS));
        Map<String, ServiceSpec> services = services(top.required("services"));
        return new StackSpec(name, router, services);
    }

    private static Node compose(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(1024 * 1024);
        Node root;
        try {
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(yaml == null ? "" : yaml));
        } catch (MarkedYAMLException e) {
            // Neither the message nor the cause is kept: snakeyaml quotes the offending text, which may be a secret.
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new IllegalArgumentException("turnout.yml line " + line + " is not valid YAML: " + e.getProblem() + ".");
        } catch (YAMLException e) {
            throw new IllegalArgumentException("turnout.yml is not valid YAML: " + e.getClass().getSimpleName() + ".");
        }
        if (root == null) {
            throw new IllegalArgumentException("turnout.yml is empty: it needs name, router and services.");
        }
        return root;
    }

    private static RouterSpec router(YamlFields f) {
        RouterKind kind = f.string("kind").map(k -> {
            try {
                return RouterKind.valueOf(k.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw error(f.required("kind"), "router.kind must be haproxy or nginx, not '" + k + "'");
            }
        }).orElse(RouterKind.HAPROXY);
        int port = f.integer("publicPort").orElseThrow(() -> error(f.node(), "router.publicPort is required"));
        port(f.required("publicPort"), "router.publicPort", port);
        String bind = f.string("publicBind").orElse(StackSpecs.DEFAULT_PUBLIC_BIND);
        if (!IPV4.matcher(bind).matches() && !IPV6.matcher(bind).matches()) {
            throw error(f.required("publicBind"), "router.publicBind must be an IP address such as 0.0.0.0 or 127.0.0.1, not '" + bind + "'");
        }
        String image = f.string("image").orElse(StackSpecs.defaultRouterImage(kind));
        image(f, "image", image);
        Duration drain = f.duration("drainTimeout").orElse(StackSpecs.DEFAULT_DRAIN_TIMEOUT);
        return new RouterSpec(kind, port, bind, image, drain);
    }

    private Map<String, ServiceSpec> services(Node node) {
        Map<String, NodeTuple> entries = YamlFields.entries(node, "services");
        if (entries.isEmpty()) {
            throw error(node, "services must name at least one service");
        }
        Map<String, ServiceSpec> out = new LinkedHashMap<>();
        Map<String, String> hosts = new HashMap<>();
        String defaultRouted = null;
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            String name = e.getKey();
            Node at = e.getValue().getKeyNode();
            if (!StackSpecs.NAME.matcher(name).matches()) {
                throw error(at, "service name '" + name + "' must be 1 to 31 lower-case letters, digits or '-', starting with a letter or digit");
            }
            ServiceSpec s = service(new YamlFields(e.getValue().getValueNode(), "services." + name, SERVICE_KEYS));
            if (s.routed() && s.host() == null) {
                if (defaultRouted != null) {
                    throw error(at, "services " + defaultRouted + " and " + name + " are both routed without a host; "
                            + "give all but one of them a host (the Host header that selects it)");
                }
                defaultRouted = name;
            }
            if (s.host() != null) {
                String other = hosts.putIfAbsent(s.host().toLowerCase(Locale.ROOT), name);
                if (other != null) {
                    throw error(at, "services " + other + " and " + name + " both use host " + s.host());
                }
            }
            out.put(name, s);
        }
        return out;
    }

    private ServiceSpec service(YamlFields f) {
        String image = f.requiredString("image");
        image(f, "image", image);
        int port = f.integer("port").orElseThrow(() -> error(f.node(), f.path("port") + " is required"));
        port(f.required("port"), f.path("port"), port);
        HealthSpec health = f.value("health").map(n -> health(new YamlFields(n, f.path("health"), HEALTH_KEYS))).orElse(healthDefaults);
        boolean routed = f.bool("routed").orElse(true);
        boolean critical = f.bool("critical").orElse(true);
        Map<String, String> env = f.value("env").map(n -> env(n, f.path("env"))).orElse(Map.of());
        String host = f.string("host").orElse(null);
        if (host != null) {
            if (!routed) {
                throw error(f.required("host"), f.path("host") + " only applies to routed services; remove it or set routed: true");
            }
            if (!HOST_NAME.matcher(host).matches()) {
                throw error(f.required("host"), f.path("host") + " must be a host name such as shop.example, not '" + host + "'");
            }
        }
        return new ServiceSpec(image, port, health, routed, critical, env, host);
    }

    private HealthSpec health(YamlFields f) {
        String path = f.string("path").orElse(healthDefaults.path());
        if (!path.startsWith("/") || path.chars().anyMatch(Character::isWhitespace)) {
            throw error(f.required("path"), f.path("path") + " must be an HTTP path starting with '/', not '" + path + "'");
        }
        Duration interval = f.duration("interval").orElse(healthDefaults.interval());
        if (interval.isZero()) {
            throw error(f.required("interval"), f.path("interval") + " must be longer than 0");
        }
        Duration timeout = f.duration("timeout").orElse(healthDefaults.timeout());
        if (timeout.compareTo(interval) < 0) {
            throw error(f.node(), f.path("timeout") + " (" + Durations.format(timeout) + ") must not be shorter than "
                    + f.path("interval") + " (" + Durations.format(interval) + ")");
        }
        Map<String, ProbeSpec> probes = f.value("probes").map(n -> probes(n, f.path("probes"), interval)).orElse(Map.of());
        return new HealthSpec(path, interval, timeout, probes);
    }

    /** {@code probes: { liveness: { path: /live, interval: 5s }, ... }}; a probe's interval defaults to the health interval. */
    private static Map<String, ProbeSpec> probes(Node node, String where, Duration defaultInterval) {
        Map<String, ProbeSpec> out = new TreeMap<>();
        for (Map.Entry<String, NodeTuple> e : YamlFields.entries(node, where).entrySet()) {
            if (!HealthSpec.PROBE_KINDS.contains(e.getKey())) {
                throw error(e.getValue().getKeyNode(), where + " has no probe '" + e.getKey() + "'; use "
                        + String.join(", ", HealthSpec.PROBE_KINDS));
            }
            YamlFields p = new YamlFields(e.getValue().getValueNode(), where + "." + e.getKey(), PROBE_KEYS);
            String path = p.requiredString("path");
            if (!path.startsWith("/") || path.chars().anyMatch(Character::isWhitespace)) {
                throw error(p.required("path"), p.path("path") + " must be an HTTP path starting with '/', not '" + path + "'");
            }
            Duration interval = p.duration("interval").orElse(defaultInterval);
            if (interval.isZero()) {
                throw error(p.required("interval"), p.path("interval") + " must be longer than 0");
            }
            out.put(e.getKey(), new ProbeSpec(path, interval));
        }
        return out;
    }

    /** Values are kept as written (numbers too); they are never echoed in messages, since they may be secrets. */
    private static Map<String, String> env(Node node, String where) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, NodeTuple> e : YamlFields.entries(node, where).entrySet()) {
            if (!ENV_NAME.matcher(e.getKey()).matches()) {
                throw error(e.getValue().getKeyNode(), where + " name '" + e.getKey() + "' must be letters, digits and '_', not starting with a digit");
            }
            out.put(e.getKey(), YamlFields.text(e.getValue().getValueNode(), where + "." + e.getKey()));
        }
        return out;
    }

    private static void port(Node at, String path, int port) {
        if (port < 1 || port > 65535) {
            throw error(at, path + " must be between 1 and 65535, not " + port);
        }
    }

    private static void image(YamlFields f, String key, String image) {
        if (image.isBlank() || image.chars().anyMatch(Character::isWhitespace)) {
            throw error(f.value(key).orElse(f.node()), f.path(key) + " must be an image reference such as turnout-fixture/app:v1, not '" + image + "'");
        }
    }
}
