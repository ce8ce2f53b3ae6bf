package io.turnout.db;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The libpq environment (PGHOST, PGUSER, PGPASSWORD...) that points pg_dump and psql at the same
 * database as a {@link DbUrl}. Credentials go through the environment, never the command line,
 * so they do not show in {@code ps}.
 */
public final class LibpqEnv {

    private LibpqEnv() {
    }

    /** @param dialled the URL as the driver dials it (after {@link DbConnector#effective}) */
    public static Map<String, String> of(DbUrl dialled) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PGHOST", dialled.host());
        env.put("PGPORT", Integer.toString(dialled.port()));
        env.put("PGDATABASE", dialled.database());
        Map<String, String> params = queryParams(dialled.jdbcUrl());
        putIf(env, "PGUSER", params.get("user"));
        putIf(env, "PGPASSWORD", params.get("password"));
        putIf(env, "PGSSLMODE", params.get("sslmode"));
        env.put("PGAPPNAME", "turnout-shadow");
        return env;
    }

    static Map<String, String> queryParams(String jdbcUrl) {
        Map<String, String> out = new LinkedHashMap<>();
        int q = jdbcUrl.indexOf('?');
        if (q < 0) {
            return out;
        }
        for (String pair : jdbcUrl.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(pair.substring(0, eq).toLowerCase(java.util.Locale.ROOT),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void putIf(Map<String, String> env, String key, String value) {
        if (value != null && !value.isEmpty()) {
            env.put(key, value);
        }
    }
}
