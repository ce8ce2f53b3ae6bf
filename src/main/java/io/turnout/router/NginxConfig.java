package io.turnout.router;

import io.turnout.router.RoutingTable.ServiceRoute;
import io.turnout.stack.Color;
import io.turnout.stack.StackSpec;
import io.turnout.stack.StackSpec.ServiceSpec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Renders nginx.conf for a stack and a routing table. nginx has no runtime API: the first line
 * records the table (what {@code current()} reads back) and the admin server answers the config's
 * generation, so Turnout can tell when a reload has reached the workers.
 */
final class NginxConfig {

    static final String DIR = "/etc/nginx";
    static final String CONFIG = "nginx.conf";
    static final int PUBLIC_PORT = 80;
    static final int ADMIN_PORT = 8404;
    static final String GENERATION_PATH = "/turnout/generation";
    static final int WORKERS = 1;
    private static final String GENERATION = "@GENERATION@";

    private NginxConfig() {
    }

    static String checkPath(String service, Color color) {
        return "/turnout/check/" + service + "/" + color.id();
    }

    /** nginx can send a service's traffic to one color or none: 100/0, 0/100 or 0/0. */
    static void checkAllOrNothing(RoutingTable table) {
        table.services().forEach((service, route) -> {
            for (Color c : Color.values()) {
                int w = route.weight(c);
                if (w != 0 && w != 100 || w == 100 && route.weight(c.other()) != 0) {
                    throw new RouterException("nginx supports only all-or-nothing switches: " + service + " asks for blue "
                            + route.weight(Color.BLUE) + " / green " + route.weight(Color.GREEN) + " (use HAProxy for canary weights).");
                }
            }
        });
    }

    /** The generation the admin server of {@code config} answers. */
    static String generation(String config) {
        int i = config.indexOf(GENERATION_PATH);
        int start = config.indexOf("return 200 \"", i) + "return 200 \"".length();
        return config.substring(start, config.indexOf('"', start));
    }

    static String render(StackSpec spec, RoutingTable table) {
        RoutedServices.checkSpec(spec);
        RoutedServices.checkTable(spec, table);
        checkAllOrNothing(table);
        StringBuilder b = new StringBuilder();
        b.append(RoutingState.headerLine(table)).append('\n');
        b.append("""
                # Written by Turnout for stack '%s'; rewritten on every change, edits are lost.
                # The line above is the routing Turnout reads back. Changes are checked with nginx -t
                # and applied by a graceful reload.
                user www-data;
                worker_processes %d;
                pid /run/nginx.pid;
                error_log stderr notice;
                # after a reload, old workers finish requests in flight for at most the stack's drain timeout
                worker_shutdown_timeout %dms;

                events {
                    worker_connections 1024;
                }

                http {
                    # Only the public servers log, one line per request in the format Turnout's traffic feed
                    # counts (nginx keeps no per-upstream counters): "turnout <service>/<color> <status> <seconds>".
                    access_log off;
                    log_format turnout '%s$turnout_route $status $request_time';
                    server_tokens off;
                    # Colors are container names resolved per request by Docker's DNS (cached 5 s) through
                    # a variable in proxy_pass: a color whose container does not exist yet then fails only
                    # the requests sent to it (502), where an upstream block would stop nginx from starting.
                    resolver 127.0.0.11 valid=5s ipv6=off;
                    resolver_timeout 2s;
                    proxy_http_version 1.1;
                    proxy_set_header Connection "";
                    proxy_set_header Host $http_host;
                    proxy_connect_timeout 3s;

                """.formatted(spec.name(), WORKERS, spec.router().drainTimeout().toMillis(), NginxRouter.ACCESS_LOG_PREFIX));
        String fallback = RoutedServices.defaultService(spec);
        for (String s : RoutedServices.of(spec)) {
            ServiceSpec svc = spec.service(s);
            ServiceRoute route = table.route(s);
            b.append("    # ").append(s).append(": public\n    server {\n");
            b.append("        listen ").append(PUBLIC_PORT).append(s.equals(fallback) ? " default_server;\n" : ";\n");
            b.append("        server_name ").append(svc.host() == null ? "_" : svc.host()).append(";\n");
            if (table.maintenance()) {
                b.append("        location / {\n            default_type \"text/html; charset=utf-8\";\n")
                        .append("            add_header Retry-After 60 always;\n")
                        .append("            return 503 '").append(MaintenancePage.html(spec.name()).strip()).append("';\n        }\n");
            } else {
                proxyTo(b, spec, s, route.soleActive(), "no color of " + s + " is live", true);
            }
            b.append("    }\n\n");
            b.append("    # ").append(s).append(": preview (the standby color)\n    server {\n");
            b.append("        listen ").append(RoutedServices.previewPort(spec, s)).append(";\n");
            proxyTo(b, spec, s, route.preview(), "no preview color for " + s, false);
            b.append("    }\n\n");
        }
        if (fallback == null) {
            b.append("    server {\n        listen ").append(PUBLIC_PORT).append(" default_server;\n")
                    .append("        return 503;\n    }\n\n");
        }
        renderAdmin(b, spec);
        b.append("}\n");
        String text = b.toString();
        return text.replace(GENERATION, sha256(text).substring(0, 16));
    }

    private static void proxyTo(StringBuilder b, StackSpec spec, String service, Color color, String none, boolean logged) {
        b.append("        location / {\n");
        if (color != null && logged) {
            b.append("            set $turnout_route ").append(service).append('/').append(color.id()).append(";\n");
            b.append("            access_log /dev/stdout turnout;\n");
        }
        if (color == null) {
            b.append("            default_type text/plain;\n            return 503 \"").append(none).append("\\n\";\n");
        } else {
            b.append("            set $turnout_backend ").append(spec.containerName(service, color)).append(";\n");
            b.append("            proxy_pass http://$turnout_backend:").append(spec.service(service).port()).append(";\n");
            b.append("            add_header X-Turnout-Color ").append(color.id()).append(" always;\n");
        }
        b.append("        }\n");
    }

    /** stub_status, the generation, and one health probe per color (nginx has no active checks of its own). */
    private static void renderAdmin(StringBuilder b, StackSpec spec) {
        b.append("    # admin: published on the host's 127.0.0.1 only\n    server {\n");
        b.append("        listen ").append(ADMIN_PORT).append(";\n");
        b.append("        set $turnout_route \"-\"; # declares the variable log_format uses, whatever is live\n");
        b.append("        location = /stub_status {\n            stub_status;\n        }\n");
        b.append("        location = ").append(GENERATION_PATH).append(" {\n            default_type text/plain;\n")
                .append("            return 200 \"").append(GENERATION).append("\";\n        }\n");
        for (String s : RoutedServices.of(spec)) {
            ServiceSpec svc = spec.service(s);
            for (Color c : Color.values()) {
                b.append("        location = ").append(checkPath(s, c)).append(" {\n");
                b.append("            set $turnout_backend ").append(spec.containerName(s, c)).append(";\n");
                b.append("            proxy_pass http://$turnout_backend:").append(svc.port()).append(svc.health().path()).append(";\n");
                b.append("            proxy_read_timeout 3s;\n        }\n");
            }
        }
        b.append("        location / {\n            return 404;\n        }\n    }\n");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
