package io.turnout.traffic;

import io.turnout.router.NginxRouter;
import io.turnout.stack.Color;

/**
 * One request from HAProxy's access log in its standard HTTP format ({@code option httplog}):
 * <pre>172.18.0.1:53462 [23/Nov/2026:15:10:01.123] fe.public web/blue 0/0/1/2/3 200 170 - - ---- 1/1/0/0/0 0/0 "GET / HTTP/1.1"</pre>
 * Field 4 is {@code backend/server}, field 5 the timers {@code TR/Tw/Tc/Tr/Ta}, field 6 the status.
 * Parsed by scanning for spaces, no regex and no split: the log follower handles thousands of
 * lines per second on the console's machine.
 * <p>nginx routers log in Turnout's own format ({@code log_format turnout} in the nginx.conf
 * Turnout writes): {@code turnout web/blue 200 0.003} — route, status, {@code $request_time} in
 * seconds with millisecond resolution.
 *
 * @param activeMs {@code Ta}: from the first byte of the request to the last byte of the response
 */
public record AccessLogLine(String service, Color color, int status, int activeMs) {

    /** The request, or null for any other line (TCP logs of the runtime API, notices, preview backends, &lt;NOSRV&gt;). */
    public static AccessLogLine parse(String line) {
        if (line.startsWith(NginxRouter.ACCESS_LOG_PREFIX)) {
            return parseNginx(line);
        }
        int[] starts = new int[6];
        int n = 0;
        int i = 0;
        int len = line.length();
        while (n < 6 && i < len) {
            while (i < len && line.charAt(i) == ' ') {
                i++;
            }
            if (i >= len) {
                break;
            }
            starts[n++] = i;
            while (i < len && line.charAt(i) != ' ') {
                i++;
            }
        }
        if (n < 6 || line.charAt(starts[1]) != '[') {
            return null;
        }
        String route = token(line, starts[3]);
        int slash = route.indexOf('/');
        if (slash <= 0) {
            return null;
        }
        Color color = color(route.substring(slash + 1));
        if (color == null) {
            return null;
        }
        String timers = token(line, starts[4]);
        int lastSlash = timers.lastIndexOf('/');
        if (lastSlash < 0 || timers.chars().filter(ch -> ch == '/').count() != 4) {
            return null;
        }
        int active = number(timers, lastSlash + 1, timers.length());
        int status = number(line, starts[5], end(line, starts[5]));
        if (status < 0) {
            return null;
        }
        return new AccessLogLine(route.substring(0, slash), color, status, active);
    }

    private static AccessLogLine parseNginx(String line) {
        int routeStart = NginxRouter.ACCESS_LOG_PREFIX.length();
        int routeEnd = end(line, routeStart);
        int statusEnd = end(line, routeEnd + 1);
        if (routeEnd >= line.length() || statusEnd >= line.length()) {
            return null;
        }
        String route = line.substring(routeStart, routeEnd);
        int slash = route.indexOf('/');
        Color color = slash <= 0 ? null : color(route.substring(slash + 1));
        int status = number(line, routeEnd + 1, statusEnd);
        long ms = seconds(line.substring(statusEnd + 1).strip());
        if (color == null || status < 0 || ms < 0) {
            return null;
        }
        return new AccessLogLine(route.substring(0, slash), color, status, (int) Math.min(Integer.MAX_VALUE, ms));
    }

    /** nginx's {@code $request_time}, e.g. {@code 0.003} or {@code 12.345}, in milliseconds; -1 when malformed. */
    private static long seconds(String s) {
        int dot = s.indexOf('.');
        if (dot <= 0 || s.length() - dot - 1 != 3) {
            return -1;
        }
        int whole = number(s, 0, dot);
        int millis = number(s, dot + 1, s.length());
        return whole < 0 || millis < 0 ? -1 : whole * 1000L + millis;
    }

    private static String token(String line, int start) {
        return line.substring(start, end(line, start));
    }

    private static int end(String line, int start) {
        int e = line.indexOf(' ', start);
        return e < 0 ? line.length() : e;
    }

    private static Color color(String server) {
        return switch (server) {
            case "blue" -> Color.BLUE;
            case "green" -> Color.GREEN;
            default -> null;
        };
    }

    /** A non-negative integer, skipping the '+' HAProxy prefixes with {@code option logasap}; -1 when absent or negative. */
    private static int number(String s, int from, int to) {
        if (from < to && s.charAt(from) == '+') {
            from++;
        }
        if (from >= to) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
