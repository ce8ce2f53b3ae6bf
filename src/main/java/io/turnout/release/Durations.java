package io.turnout.release;

import java.time.Duration;

/** "2 s", "1 min 30 s", "450 ms": how durations read in plans, logs and errors. */
final class Durations {

    private Durations() {
    }

    static String text(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        long s = d.toSeconds();
        if (s < 60) {
            return ms % 1000 == 0 ? s + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s");
    }
}
