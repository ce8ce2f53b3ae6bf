package io.turnout.ssh;

import java.util.List;
import java.util.Locale;

/** OpenSSH host pattern matching ({@code *}, {@code ?}, {@code !negation}), case-insensitive. */
final class HostPatterns {

    private HostPatterns() {
    }

    /** True if some positive pattern matches and no negated one does (ssh_config "Host" semantics). */
    static boolean matchesAny(List<String> patterns, String host) {
        boolean positive = false;
        for (String p : patterns) {
            if (p.startsWith("!")) {
                if (glob(p.substring(1), host)) {
                    return false;
                }
            } else if (glob(p, host)) {
                positive = true;
            }
        }
        return positive;
    }

    static boolean isPattern(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.startsWith("!");
    }

    static boolean glob(String pattern, String text) {
        return glob(pattern.toLowerCase(Locale.ROOT), 0, text.toLowerCase(Locale.ROOT), 0);
    }

    private static boolean glob(String p, int pi, String t, int ti) {
        // iterative with single backtrack point: linear-ish, no recursion blow-up
        int starP = -1;
        int starT = -1;
        while (ti < t.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == t.charAt(ti))) {
                pi++;
                ti++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                starP = pi++;
                starT = ti;
            } else if (starP >= 0) {
                pi = starP + 1;
                ti = ++starT;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }
}
