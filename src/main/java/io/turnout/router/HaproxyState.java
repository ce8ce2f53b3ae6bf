package io.turnout.router;

import io.turnout.router.RoutingTable.ServiceRoute;
import io.turnout.stack.Color;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads HAProxy's runtime answers ({@code show servers state}, {@code show acl}, {@code show stat}) back into Turnout's terms. */
final class HaproxyState {

    // srv_admin_state bits set by an operator or the config (FMAINT, CMAINT, FDRAIN). RMAINT (no DNS
    // answer yet) and the inherited ones are left out: they say nothing about the routing decision.
    private static final int FORCED_MAINT = 0x01 | 0x04;
    private static final int FORCED_DRAIN = 0x08;

    private HaproxyState() {
    }

    /**
     * @param answer the answer to {@code show servers state; show acl <maintenance acl>}
     * @param services the routed services to read
     */
    static RoutingTable table(String answer, List<String> services) {
        Map<String, Map<String, int[]>> servers = new HashMap<>(); // backend → server → {admin, uweight}
        boolean maintenance = false;
        for (String line : answer.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length >= 8 && f[0].matches("\\d+")) {
                servers.computeIfAbsent(f[1], k -> new HashMap<>())
                        .put(f[3], new int[] {Integer.parseInt(f[6]), Integer.parseInt(f[7])});
            } else if (f.length >= 2 && f[0].startsWith("0x") && "on".equals(f[1])) {
                maintenance = true;
            }
        }
        Map<String, ServiceRoute> routes = new TreeMap<>();
        for (String s : services) {
            Map<String, int[]> pub = servers.get(HaproxyConfig.backend(s));
            Map<String, int[]> pre = servers.get(HaproxyConfig.previewBackend(s));
            if (pub == null || pre == null) {
                continue; // the running config predates this service: nothing routed for it
            }
            Map<Color, Integer> weights = new EnumMap<>(Color.class);
            Color preview = null;
            for (Color c : Color.values()) {
                int[] p = pub.getOrDefault(c.id(), new int[] {FORCED_MAINT, 0});
                weights.put(c, (p[0] & (FORCED_MAINT | FORCED_DRAIN)) != 0 ? 0 : Math.min(100, p[1]));
                int[] v = pre.getOrDefault(c.id(), new int[] {FORCED_MAINT, 0});
                if ((v[0] & FORCED_MAINT) == 0 && v[1] > 0) {
                    preview = c;
                }
            }
            routes.put(s, new ServiceRoute(weights, preview));
        }
        return new RoutingTable(routes, maintenance);
    }

    /** Per service and color, from {@code show stat} CSV (header line {@code # pxname,svname,...}). */
    static Map<String, Map<Color, BackendCheck>> checks(String csv, List<String> services) {
        String[] lines = csv.split("\n");
        if (lines.length == 0 || !lines[0].startsWith("# ")) {
            throw new RouterException("Unexpected answer to 'show stat': " + csv.lines().findFirst().orElse("(empty)"));
        }
        List<String> header = Arrays.asList(lines[0].substring(2).split(","));
        Map<String, Map<Color, BackendCheck>> out = new LinkedHashMap<>();
        for (String s : services) {
            out.put(s, new EnumMap<>(Color.class));
        }
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",", -1);
            if (f.length < header.size()) {
                continue;
            }
            Map<Color, BackendCheck> row = out.get(f[header.indexOf("pxname")]);
            String sv = f[header.indexOf("svname")];
            if (row == null || !(sv.equals("blue") || sv.equals("green"))) {
                continue;
            }
            row.put(Color.parse(sv), new BackendCheck(status(f[header.indexOf("status")]), lastCheck(header, f),
                    intOr(f[header.indexOf("scur")], -1), intOr(f[header.indexOf("weight")], 0)));
        }
        return out;
    }

    /** UP, DOWN, MAINT, DRAIN, NO CHECK, UNKNOWN; transitions such as "UP 1/3" and "MAINT (resolution)" keep their first word. */
    static String status(String raw) {
        String s = raw.strip();
        if (s.equalsIgnoreCase("no check")) {
            return "NO CHECK";
        }
        for (String known : List.of("UP", "DOWN", "MAINT", "DRAIN", "NOLB")) {
            if (s.startsWith(known)) {
                return known.equals("NOLB") ? "DRAIN" : known;
            }
        }
        return "UNKNOWN";
    }

    private static String lastCheck(List<String> header, String[] f) {
        String status = f[header.indexOf("check_status")].replace("*", "").strip();
        if (status.isEmpty()) {
            return null;
        }
        String code = f[header.indexOf("check_code")];
        String duration = f[header.indexOf("check_duration")];
        return status + (code.isEmpty() ? "" : "/" + code) + (duration.isEmpty() ? "" : " in " + duration + "ms");
    }

    private static int intOr(String s, int fallback) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
