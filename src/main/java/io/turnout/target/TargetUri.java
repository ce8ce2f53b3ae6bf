package io.turnout.target;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a Docker engine is reached, as the operator writes it:
 * {@code unix:///var/run/docker.sock}, {@code ssh://[user@]host[:port][?socket=/remote/docker.sock]},
 * {@code tcp://host:port[?tls=true&certs=DIR]}, or a bare ssh-config alias such as {@code prod-1}.
 */
public record TargetUri(Scheme scheme, String user, String host, int port, String path, Map<String, String> params) {

    public enum Scheme { UNIX, SSH, TCP }

    public TargetUri {
        params = Map.copyOf(params);
    }

    public static TargetUri parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A host is required, e.g. ssh://user@host or unix:///var/run/docker.sock.");
        }
        String s = text.strip();
        if (!s.contains("://")) {
            if (s.startsWith("/")) {
                return new TargetUri(Scheme.UNIX, null, null, -1, s, Map.of());
            }
            s = "ssh://" + s; // a bare name is an ssh-config alias, as with `ssh NAME`
        }
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid host URI: " + e.getReason() + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        Map<String, String> params = query(uri.getRawQuery());
        return switch (scheme) {
            case "unix", "npipe" -> new TargetUri(Scheme.UNIX, null, null, -1, uri.getPath(), params);
            case "ssh" -> {
                if (uri.getHost() == null && uri.getAuthority() == null) {
                    throw new IllegalArgumentException("'" + text + "' names no host.");
                }
                String host = uri.getHost() != null ? uri.getHost() : hostOf(uri.getAuthority());
                yield new TargetUri(Scheme.SSH, uri.getUserInfo(), host, uri.getPort(), emptyToNull(uri.getPath()), params);
            }
            case "tcp", "http", "https" -> {
                if (uri.getHost() == null) {
                    throw new IllegalArgumentException("'" + text + "' names no host.");
                }
                Map<String, String> p = new LinkedHashMap<>(params);
                if (scheme.equals("https")) {
                    p.putIfAbsent("tls", "true");
                }
                yield new TargetUri(Scheme.TCP, null, uri.getHost(), uri.getPort() < 0 ? 2375 : uri.getPort(), null, p);
            }
            default -> throw new IllegalArgumentException(
                    "'" + text + "' uses an unsupported scheme; use unix://, ssh:// or tcp://.");
        };
    }

    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    public boolean tls() {
        return param("tls").map(Boolean::parseBoolean).orElse(false);
    }

    /** A stable, human-readable identity for this target (used as key for state and UI). */
    @Override
    public String toString() {
        return switch (scheme) {
            case UNIX -> "unix://" + path;
            case SSH -> "ssh://" + (user != null ? user + "@" : "") + host + (port > 0 ? ":" + port : "")
                    + param("socket").map(sock -> "?socket=" + sock).orElse("");
            case TCP -> "tcp://" + host + ":" + port + queryString();
        };
    }

    /** All parameters (tls, certs, ...) in a stable order, so a round trip through text loses nothing. */
    private String queryString() {
        if (params.isEmpty()) {
            return "";
        }
        return "?" + params.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining("&"));
    }

    /** Short label for trees and status bars: the alias or host name. */
    public String label() {
        return switch (scheme) {
            case UNIX -> "local";
            case SSH, TCP -> host;
        };
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String hostOf(String authority) {
        String a = authority.substring(authority.indexOf('@') + 1);
        int colon = a.lastIndexOf(':');
        return colon > 0 ? a.substring(0, colon) : a;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() || s.equals("/") ? null : s;
    }
}
