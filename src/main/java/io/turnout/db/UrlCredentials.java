package io.turnout.db;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The user and password a {@link DbUrl} carries, for tools that take them separately (pg_dump,
 * pg_restore). A missing password falls back to {@code PGPASSWORD}; ~/.pgpass is then read by the tool.
 */
public record UrlCredentials(String user, Optional<String> password) {

    public static UrlCredentials of(DbUrl url, java.util.Map<String, String> env) {
        String user = param(url, "user").orElseGet(() -> env.getOrDefault("PGUSER", System.getProperty("user.name")));
        Optional<String> password = param(url, "password").or(() -> Optional.ofNullable(env.get("PGPASSWORD")));
        return new UrlCredentials(user, password);
    }

    static Optional<String> param(DbUrl url, String name) {
        String s = url.jdbcUrl();
        int q = s.indexOf('?');
        if (q < 0) {
            return Optional.empty();
        }
        for (String kv : s.substring(q + 1).split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0 && kv.substring(0, eq).equalsIgnoreCase(name)) {
                return Optional.of(URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "UrlCredentials[user=" + user + ", password=" + (password.isPresent() ? "***" : "none") + "]";
    }
}
