package io.turnout.router;

import io.turnout.router.RoutingTable.ServiceRoute;
import io.turnout.stack.Color;
import io.turnout.stack.StackSpec;
import io.turnout.stack.StackSpec.ServiceSpec;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Renders haproxy.cfg for a stack and a routing table. The rendered weights, server states and
 * maintenance flag are the same ones {@link HaproxyCommands} sets at run time, so the file a
 * restart reads always says what the running router does.
 */
final class HaproxyConfig {

    static final String DIR = "/usr/local/etc/haproxy";
    static final String CONFIG = "haproxy.cfg";
    static final String MAINTENANCE_ACL = "maintenance.acl";
    static final String MAINTENANCE_PAGE = "maintenance.html";
    static final String ADMIN_SOCKET = "/run/haproxy/admin.sock";
    static final int PUBLIC_PORT = 80;
    static final int STATS_PORT = 8404;
    static final int RUNTIME_PORT = 9999;

    private HaproxyConfig() {
    }

    static String backend(String service) {
        return service;
    }

    static String previewBackend(String service) {
        return "preview." + service;
    }

    static String aclPath() {
        return DIR + "/" + MAINTENANCE_ACL;
    }

    /**
     * haproxy.cfg, the maintenance ACL file ("on" while in maintenance) and the 503 page.
     *
     * @param absent container names that do not exist now (see {@link #render})
     * @param adminSource the only source address the runtime API accepts (see {@link #render})
     */
    static Map<String, byte[]> files(StackSpec spec, RoutingTable table, Set<String> absent, String adminSource) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(CONFIG, render(spec, table, absent, adminSource).getBytes(StandardCharsets.UTF_8));
        files.put(MAINTENANCE_ACL, (table.maintenance() ? "on\n" : "").getBytes(StandardCharsets.UTF_8));
        files.put(MAINTENANCE_PAGE, MaintenancePage.html(spec.name()).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /**
     * @param absent container names that do not exist now. Their servers start without an address
     *     ({@code init-addr none}) and get one from the resolvers once the container appears: a
     *     libc lookup of a missing name at start-up can wait for upstream DNS timeouts (seconds
     *     each, on a host without upstream DNS) before HAProxy listens. Existing ones are looked
     *     up at start, so a restarted router routes at once instead of after its first DNS round.
     * @param adminSource the stack network's gateway: Docker's port publishing on the host's
     *     127.0.0.1 connects from it, other containers on the network do not; null accepts any
     *     source (a network without a gateway address)
     */
    static String render(StackSpec spec, RoutingTable table, Set<String> absent, String adminSource) {
        RoutedServices.checkSpec(spec);
        RoutedServices.checkTable(spec, table);
        StringBuilder b = new StringBuilder();
        b.append(RoutingState.headerLine(table)).append('\n');
        b.append("""
                # Written by Turnout for stack '%s'; rewritten on every change, edits are lost.
                # Weights, server states and maintenance are switched live through the runtime API
                # (no reload) and also written here, so a restart of the router keeps them.
                global
                    log stdout format raw local0 info
                    stats socket %s mode 600 level admin
                    stats timeout 30s
                    # a stop or reload waits this long for requests in flight (the stack's drain timeout)
                    hard-stop-after %dms

                # Docker's embedded DNS: servers are container names, resolved while running, so a
                # color whose container does not exist yet is only 'MAINT (resolution)', not an error.
                resolvers docker
                    nameserver dockerdns 127.0.0.11:53
                    resolve_retries 3
                    timeout resolve 1s
                    timeout retry 1s
                    hold valid 5s
                    hold nx 5s
                    hold timeout 5s
                    hold refused 5s
                    hold other 5s
                    accepted_payload_size 8192

                defaults
                    mode http
                    log global
                    option httplog
                    option dontlognull
                    timeout connect 3s
                    timeout client 60s
                    timeout server 60s
                    timeout http-keep-alive 10s
                    # without it a check must finish within its interval, which fails fast checks on a busy host
                    timeout check 3s
                    # a backend connection the app closed while idle is retried, not answered with 502
                    retries 3
                    retry-on conn-failure empty-response
                    option redispatch 1
                    default-server init-addr libc,none resolvers docker resolve-prefer ipv4

                """.formatted(spec.name(), ADMIN_SOCKET, spec.router().drainTimeout().toMillis()));
        renderRuntime(b, adminSource);
        renderPublic(b, spec);
        for (String s : RoutedServices.of(spec)) {
            b.append("frontend fe.preview.").append(s).append('\n');
            b.append("    bind :").append(RoutedServices.previewPort(spec, s)).append('\n');
            b.append("    default_backend ").append(previewBackend(s)).append("\n\n");
        }
        b.append("""
                frontend fe.stats
                    bind :%d
                    stats enable
                    stats uri /stats
                    stats refresh 5s
                    http-request return status 200 content-type text/plain string "ok" if { path /health }

                """.formatted(STATS_PORT));
        for (String s : RoutedServices.of(spec)) {
            ServiceRoute route = table.route(s);
            renderBackend(b, spec, s, backend(s), route::weight, c -> false, absent);
            renderBackend(b, spec, s, previewBackend(s), c -> c == route.preview() ? 100 : 0, c -> c != route.preview(), absent);
        }
        return b.toString();
    }

    /**
     * The runtime API on TCP, for Turnout: published on the host's 127.0.0.1 only and reached
     * directly or through the host's SSH session. It forwards to the admin socket so that
     * connections from other containers on the stack network can be refused: admin level can
     * switch traffic.
     */
    private static void renderRuntime(StringBuilder b, String adminSource) {
        b.append("listen runtime\n    mode tcp\n    option tcplog\n    bind :").append(RUNTIME_PORT).append('\n');
        if (adminSource != null) {
            b.append("    tcp-request connection reject unless { src ").append(adminSource).append(" }\n");
        }
        b.append("    server admin unix@").append(ADMIN_SOCKET).append("\n\n");
    }

    private static void renderPublic(StringBuilder b, StackSpec spec) {
        b.append("frontend fe.public\n");
        b.append("    bind :").append(PUBLIC_PORT).append('\n');
        b.append("    # maintenance is on while the ACL file holds 'on' (add/clear acl at run time)\n");
        b.append("    acl maintenance str(on) -m str -f ").append(aclPath()).append('\n');
        b.append("    http-request return status 503 content-type \"text/html; charset=utf-8\" file ")
                .append(DIR).append('/').append(MAINTENANCE_PAGE).append(" hdr Retry-After 60 if maintenance\n");
        for (String s : RoutedServices.of(spec)) {
            String host = spec.service(s).host();
            if (host != null) {
                b.append("    use_backend ").append(backend(s)).append(" if { req.hdr(host),field(1,:) -m str -i ")
                        .append(host).append(" }\n");
            }
        }
        String fallback = RoutedServices.defaultService(spec);
        if (fallback != null) {
            b.append("    default_backend ").append(backend(fallback)).append('\n');
        }
        b.append('\n');
    }

    /**
     * One backend with a server per color. A drained server is written as weight 0 (the config has
     * no drain keyword; both send it no new requests); a server in maint as 'disabled'.
     */
    private static void renderBackend(StringBuilder b, StackSpec spec, String service, String name,
                                      ToIntFunction<Color> weight, Predicate<Color> disabled, Set<String> absent) {
        ServiceSpec svc = spec.service(service);
        b.append("backend ").append(name).append('\n');
        b.append("    balance roundrobin\n");
        b.append("    option httpchk GET ").append(svc.health().path()).append('\n');
        b.append("    http-response set-header X-Turnout-Color %[srv_name]\n");
        for (Color c : Color.values()) {
            b.append("    server ").append(c.id()).append(' ').append(spec.containerName(service, c)).append(':')
                    .append(svc.port()).append(" check inter ").append(Math.max(100, svc.health().interval().toMillis()))
                    .append("ms weight ").append(weight.applyAsInt(c));
            if (disabled.test(c)) {
                b.append(" disabled");
            }
            if (absent.contains(spec.containerName(service, c))) {
                b.append(" init-addr none");
            }
            b.append('\n');
        }
        b.append('\n');
    }
}
