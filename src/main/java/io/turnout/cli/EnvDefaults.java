package io.turnout.cli;

import io.turnout.release.DockerStackOperations;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The environment variables CI pipelines set instead of flags (the nself names): HEALTH_CHECK_TIMEOUT
 * and HEALTH_CHECK_INTERVAL in seconds, AUTO_SWITCH and AUTO_CLEANUP as true/false, ROLLBACK_LIMIT
 * (snapshots kept, default 5). A flag on the command line wins.
 */
public final class EnvDefaults {

    private EnvDefaults() {
    }

    static Optional<Duration> seconds(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        try {
            long s = Long.parseLong(v.trim());
            if (s <= 0) {
                throw new NumberFormatException();
            }
            return Optional.of(Duration.ofSeconds(s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + v + " is not a positive number of seconds.");
        }
    }

    static boolean flag(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return false;
        }
        return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(name + "=" + v + " is not true or false.");
        };
    }

    /** ROLLBACK_LIMIT: how many old releases a stack keeps snapshots of; the GUI reads it too. */
    public static int rollbackLimit(Map<String, String> env) {
        String v = env.get("ROLLBACK_LIMIT");
        if (v == null || v.isBlank()) {
            return DockerStackOperations.DEFAULT_ROLLBACK_LIMIT;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ROLLBACK_LIMIT=" + v + " is not a whole number of at least 1.");
        }
    }
}
