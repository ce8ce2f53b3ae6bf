package io.turnout.traffic;

import io.turnout.stack.Color;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads HAProxy's {@code show stat} CSV (management guide §9.1) into per-service, per-color
 * counters. Columns are found by the header's names, not positions: the list grows between
 * HAProxy versions. Only the public backends (named like the service) and the color servers count;
 * preview backends, frontends and the BACKEND aggregate rows are skipped.
 */
public final class HaproxyStatsCsv {

    private HaproxyStatsCsv() {
    }

    public static Map<String, Map<Color, ColorCounters>> parse(String csv, Collection<String> services) {
        int eol = csv.indexOf('\n');
        if (!csv.startsWith("# ") || eol < 0) {
            throw new IllegalArgumentException("Unexpected answer to 'show stat': "
                    + csv.lines().findFirst().orElse("(empty)"));
        }
        List<String> header = Arrays.asList(csv.substring(2, eol).split(","));
        int px = header.indexOf("pxname");
        int sv = header.indexOf("svname");
        int scur = header.indexOf("scur");
        int reqTot = header.indexOf("req_tot");
        int h4 = header.indexOf("hrsp_4xx");
        int h5 = header.indexOf("hrsp_5xx");
        int rtime = header.indexOf("rtime");
        int ttime = header.indexOf("ttime");
        int[] hrsp = {header.indexOf("hrsp_1xx"), header.indexOf("hrsp_2xx"), header.indexOf("hrsp_3xx"), h4, h5,
            header.indexOf("hrsp_other")};
        Map<String, Map<Color, ColorCounters>> out = new LinkedHashMap<>();
        for (String s : services) {
            out.put(s, new EnumMap<>(Color.class));
        }
        for (String line : csv.substring(eol + 1).split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length < header.size() - 1) {
                continue;
            }
            Map<Color, ColorCounters> row = out.get(f[px]);
            Color color = color(f[sv]);
            if (row == null || color == null) {
                continue;
            }
            long requests = reqTot >= 0 && !f[reqTot].isEmpty() ? num(f[reqTot]) : sum(f, hrsp);
            row.put(color, new ColorCounters(requests, num(f[h4]), num(f[h5]), (int) num(f[scur]),
                    (int) num(at(f, rtime)), (int) num(at(f, ttime))));
        }
        return out;
    }

    private static Color color(String server) {
        for (Color c : Color.values()) {
            if (c.id().equals(server)) {
                return c;
            }
        }
        return null;
    }

    /** Older HAProxy versions leave {@code req_tot} empty for servers; the answered responses are the next best count. */
    private static long sum(String[] f, int[] columns) {
        long total = 0;
        for (int c : columns) {
            total += num(at(f, c));
        }
        return total;
    }

    private static String at(String[] f, int i) {
        return i >= 0 && i < f.length ? f[i] : "";
    }

    private static long num(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
