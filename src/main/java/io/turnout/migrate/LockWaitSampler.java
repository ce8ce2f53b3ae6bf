package io.turnout.migrate;

import io.turnout.db.DbConnector;
import io.turnout.db.DbUrl;
import io.turnout.feed.FeedTicker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Watches the lock waits around a running migration from a second connection of its own: once a
 * second it asks pg_stat_activity for sessions waiting on a lock where either side is one of the
 * migration's sessions (found by their application_name). Needs {@code pg_monitor} (or superuser)
 * to see other users' queries; without it the waits are still found, their statements read
 * "&lt;insufficient privilege&gt;".
 */
public final class LockWaitSampler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LockWaitSampler.class);

    static final String WAITS = """
            with mig as (select pid from pg_stat_activity
                         where application_name = ? and datname = current_database() and pid <> pg_backend_pid())
            select a.pid, coalesce(a.application_name, ''), coalesce(a.usename::text, ''),
                   (extract(epoch from (clock_timestamp() - coalesce(a.query_start, a.state_change))) * 1000)::bigint,
                   a.pid in (select pid from mig), pg_blocking_pids(a.pid), left(coalesce(a.query, ''), 200)
            from pg_stat_activity a
            where a.wait_event_type = 'Lock' and a.pid <> pg_backend_pid()
              and (a.pid in (select pid from mig)
                   or pg_blocking_pids(a.pid) && (select coalesce(array_agg(pid), '{}'::int[]) from mig))
            order by a.pid""";

    private final Connection connection;
    private final String applicationName;
    private final Clock clock;
    private final FeedTicker ticker;
    private int failures;

    private LockWaitSampler(Connection connection, String applicationName, Clock clock, Duration every, Consumer<LockWaits> sink) {
        this.connection = connection;
        this.applicationName = applicationName;
        this.clock = clock;
        this.ticker = new FeedTicker("turnout-lock-waits", every);
    }

    /** Opens the monitoring connection and starts sampling every {@code every}; {@link #close()} stops it. */
    public static LockWaitSampler start(DbConnector connector, DbUrl url, String migrationApplicationName, Clock clock,
                                        Duration every, Consumer<LockWaits> sink) {
        Connection c = connector.open(url, "turnout-lock-monitor");
        LockWaitSampler s = new LockWaitSampler(c, migrationApplicationName, clock, every, sink);
        s.ticker.start(() -> s.tick(sink));
        return s;
    }

    /** On the ticker's thread. After ten failures in a row it stops asking (the connection is gone). */
    private void tick(Consumer<LockWaits> sink) {
        if (failures > 10) {
            return;
        }
        try {
            sink.accept(sample());
            failures = 0;
        } catch (SQLException | RuntimeException e) {
            // The sampler only watches; a broken sample must never fail the migration it watches.
            if (++failures == 1) {
                log.warn("Lock-wait sample failed: {}", e.getMessage());
            }
        }
    }

    /** One sample now. */
    public LockWaits sample() throws SQLException {
        List<Integer> migration = new ArrayList<>();
        Map<Integer, String> apps = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("select pid, coalesce(application_name, '') from pg_stat_activity")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    apps.put(rs.getInt(1), rs.getString(2));
                    if (applicationName.equals(rs.getString(2))) {
                        migration.add(rs.getInt(1));
                    }
                }
            }
        }
        List<LockWaits.Wait> waits = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(WAITS)) {
            ps.setString(1, applicationName);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Integer> blockers = ints(rs.getArray(6));
                    waits.add(new LockWaits.Wait(rs.getInt(1), rs.getString(2), rs.getString(3), Duration.ofMillis(Math.max(0, rs.getLong(4))),
                            rs.getBoolean(5), blockers, blockers.stream().map(p -> apps.getOrDefault(p, "")).toList(), rs.getString(7)));
                }
            }
        }
        return new LockWaits(clock.instant(), migration, waits);
    }

    private static List<Integer> ints(Array a) throws SQLException {
        if (a == null) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>();
        for (Object o : (Object[]) a.getArray()) {
            out.add(((Number) o).intValue());
        }
        return out;
    }

    @Override
    public void close() {
        ticker.stop(Duration.ofSeconds(5));
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("Closing the lock monitor connection failed", e);
        }
    }
}
