package io.turnout.ui.stack;

import io.turnout.probe.ProbeReport;
import io.turnout.router.BackendCheck;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How releases read on screen: versions, times, router checks and the probe's proof. Pure functions. */
public final class ReleaseText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private ReleaseText() {
    }

    /** The version an image names: its tag ({@code app:v2} → {@code v2}), a short digest, or {@code latest}. */
    public static String version(String image) {
        if (image == null || image.isBlank()) {
            return "—";
        }
        int at = image.indexOf('@');
        if (at >= 0) {
            String digest = image.substring(at + 1);
            int colon = digest.indexOf(':');
            String hex = colon >= 0 ? digest.substring(colon + 1) : digest;
            return hex.substring(0, Math.min(12, hex.length()));
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        return colon > slash ? image.substring(colon + 1) : "latest";
    }

    public static String when(Instant at, ZoneId zone) {
        return at == null ? "—" : WHEN.format(at.atZone(zone));
    }

    /** "UP · L7OK/200 in 1ms", or "not routed" without a check. */
    public static String check(BackendCheck check) {
        if (check == null) {
            return "not routed";
        }
        return check.status() + (check.lastCheck() == null || check.lastCheck().isBlank() ? "" : " · " + check.lastCheck());
    }

    /** "0 failed / 1,204 requests, mixed 12 ms": the probe's proof in one line. */
    public static String proof(ProbeReport r) {
        return r == null ? "" : String.format(Locale.ROOT, "%d failed / %,d requests, mixed %d ms", r.failed(), r.sent(),
                r.mixedWindowMillis());
    }

    /** "4.1 → 6.3 → 3.9 ms": p99 latency before, during and after the switch. */
    public static String p99(ProbeReport r) {
        return r == null ? "—" : String.format(Locale.ROOT, "%.1f → %.1f → %.1f ms", r.before().p99(), r.during().p99(),
                r.after().p99());
    }

    /** "1,204". */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
