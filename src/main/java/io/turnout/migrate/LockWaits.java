package io.turnout.migrate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One sample of the lock waits around a running migration: sessions the migration blocks, and
 * sessions that block the migration. Published once a second while Flyway migrates (as a
 * {@code PlanListener#detail}); front ends show the last one.
 *
 * @param migrationPids the migration's own backends (Flyway's connections)
 */
public record LockWaits(Instant at, List<Integer> migrationPids, List<Wait> waits) {

    public LockWaits {
        migrationPids = List.copyOf(migrationPids);
        waits = List.copyOf(waits);
    }

    /**
     * A session that waits for a lock.
     *
     * @param migrationWaits true when the waiting session is the migration itself (another session blocks it)
     * @param blockedBy the pids holding what it waits for
     * @param blockerApplications application_name of those pids, in the same order ("" when unnamed)
     * @param query the waiting session's statement, cut to 200 characters
     */
    public record Wait(int pid, String application, String user, Duration waiting, boolean migrationWaits,
                       List<Integer> blockedBy, List<String> blockerApplications, String query) {
        public Wait {
            blockedBy = List.copyOf(blockedBy);
            blockerApplications = List.copyOf(blockerApplications);
        }

        /** One line for logs and the CLI. */
        public String describe() {
            String who = "pid " + pid + (application.isEmpty() ? "" : " (" + application + ")");
            String blockers = blockedBy.stream().map(p -> {
                int i = blockedBy.indexOf(p);
                String app = i < blockerApplications.size() ? blockerApplications.get(i) : "";
                return "pid " + p + (app.isEmpty() ? "" : " (" + app + ")");
            }).reduce((a, b) -> a + ", " + b).orElse("?");
            return (migrationWaits ? "The migration " + who + " waits " : who + " waits ")
                    + String.format(java.util.Locale.ROOT, "%.1f s", waiting.toMillis() / 1000.0) + " for " + blockers
                    + (query.isEmpty() ? "" : ": " + query);
        }
    }

    public boolean isEmpty() {
        return waits.isEmpty();
    }
}
