package io.turnout.db;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One sample of a PostgreSQL server's activity, immutable. Sessions are client backends only
 * ({@code backend_type = 'client backend'}): background workers, autovacuum, WAL senders and the
 * monitor's own connection are left out, so the counts are the applications' sessions.
 *
 * @param at                  when the sample was taken (client clock)
 * @param problem             null when the sample is good; else one sentence (the monitor is down or
 *                            reconnecting) and the counts are empty
 * @param reconnects          how often the monitoring connection was re-opened since the sampler started
 * @param monitorPid          the monitor's own backend pid (0 when down)
 * @param states              all client sessions by state, to compare with {@code maxConnections}
 * @param byApplication       per {@code application_name}, largest first
 * @param byClient            per client address and role, largest first
 * @param commitsPerSecond    commits per second in the monitored database since the previous sample, without
 *                            the monitor's own; null on the first sample or after a statistics reset
 * @param rollbacksPerSecond  the same for rollbacks
 * @param blocked             sessions waiting for a lock, with their blockers
 * @param oldestTransaction   the client session with the oldest open transaction; null when none
 * @param replication         replication lag; {@link Replication#NONE} when there are no replicas
 * @param roundTrip           the sample's round trip as the client saw it
 */
public record DbActivity(Instant at, String problem, int reconnects, int monitorPid, int maxConnections,
                         StateCounts states, List<SessionGroup> byApplication, List<SessionGroup> byClient,
                         Double commitsPerSecond, Double rollbacksPerSecond, List<BlockedSession> blocked,
                         OldestTransaction oldestTransaction, Replication replication, Duration roundTrip) {

    public DbActivity {
        byApplication = List.copyOf(byApplication);
        byClient = List.copyOf(byClient);
        blocked = List.copyOf(blocked);
    }

    /** A sample that could not be taken: no counts, one sentence why. */
    public static DbActivity down(Instant at, String problem, int reconnects) {
        return new DbActivity(at, problem, reconnects, 0, 0, StateCounts.NONE, List.of(), List.of(), null, null,
                List.of(), null, Replication.NONE, Duration.ZERO);
    }

    public boolean ok() {
        return problem == null;
    }

    /** The group for one application_name, or an empty one. */
    public StateCounts application(String name) {
        return byApplication.stream().filter(g -> g.name().equals(name)).map(SessionGroup::states).findFirst()
                .orElse(StateCounts.NONE);
    }

    /** @param age since {@code xact_start} */
    public record OldestTransaction(int pid, String application, String state, Duration age) {
    }

    /**
     * @param role     {@code primary} or {@code replica} (this server is a standby)
     * @param replicas streaming replicas attached to a primary
     * @param lag      a primary's largest {@code replay_lag}, or a replica's time since the last replayed
     *                 transaction; null when unknown (no replicas, or nothing replayed yet)
     */
    public record Replication(String role, int replicas, Duration lag) {

        public static final Replication NONE = new Replication("primary", 0, null);

        public boolean exists() {
            return replicas > 0 || "replica".equals(role);
        }
    }
}
