package io.turnout.ui.containers;

import io.turnout.docker.ContainerRow;

import java.time.Duration;
import java.time.Instant;

/** "3d 4h", "2h 05m", "45s": how long a running container has been up; its state otherwise. */
public final class Uptime {

    private Uptime() {
    }

    public static String of(ContainerRow row, Instant now) {
        if (!row.running() || row.startedAt() == null) {
            return row.state();
        }
        return compact(Duration.between(row.startedAt(), now));
    }

    public static String compact(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return "%dm %02ds".formatted(s / 60, s % 60);
        }
        if (s < 86_400) {
            return "%dh %02dm".formatted(s / 3600, s % 3600 / 60);
        }
        return "%dd %dh".formatted(s / 86_400, s % 86_400 / 3600);
    }
}
