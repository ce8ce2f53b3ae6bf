package io.turnout.migrate.verify;

import io.turnout.db.DbConnector;
import io.turnout.db.DbUrl;
import io.turnout.migrate.LockLevel;
import io.turnout.migrate.Operation;
import io.turnout.migrate.SqlStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Observes a statement that cannot run in a transaction (CREATE INDEX CONCURRENTLY, VACUUM...).
 * Its own session cannot read pg_locks mid-statement, so a second session does. On an empty
 * shadow table such statements finish in microseconds, faster than any sampling; so a third
 * session first holds ACCESS EXCLUSIVE on the statement's tables: the statement then queues for
 * its first table lock, and pg_locks shows exactly the mode it asked for. The blocker is released
 * as soon as that is seen (or after a bound) and the statement completes normally.
 */
final class OutsideTransactionRun {

    private static final Logger LOG = LoggerFactory.getLogger(OutsideTransactionRun.class);
    private static final Duration WAIT_FOR_QUEUE = Duration.ofSeconds(5);
    private static final Duration STATEMENT_BOUND = Duration.ofMinutes(10);

    private final DbConnector connector;
    private final DbUrl url;
    private final Connection conn;
    private final int pid;
    private final VerifyOptions options;

    OutsideTransactionRun(DbConnector connector, DbUrl url, Connection conn, int pid, VerifyOptions options) {
        this.connector = connector;
        this.url = url;
        this.conn = conn;
        this.pid = pid;
        this.options = options;
    }

    StatementCheck run(SqlStatement s, Operation expected, List<String> tables) throws SQLException {
        conn.setAutoCommit(true);
        Map<Long, CatalogProbe.Table> before = CatalogProbe.tables(conn);
        List<String> notes = new ArrayList<>();
        notes.add("Verified outside a transaction: locks sampled from a second session.");
        Map<Long, EnumSet<LockLevel>> seen = new LinkedHashMap<>();
        boolean queued = false;
        long t0;
        long released;
        CompletableFuture<SQLException> done;
        try (Connection blocker = connector.open(url, "turnout-shadow-blocker");
             Connection sampler = connector.open(url, "turnout-shadow-sampler")) {
            boolean blocking = block(blocker, tables, notes);
            t0 = System.nanoTime();
            done = CompletableFuture.supplyAsync(() -> execute(s.text()));
            long queueDeadline = t0 + WAIT_FOR_QUEUE.toNanos();
            while (blocking && !done.isDone() && System.nanoTime() < queueDeadline) {
                mergeInto(seen, CatalogProbe.lockModes(sampler, pid));
                if (CatalogProbe.waitingForLock(sampler, pid)) {
                    queued = true;
                    mergeInto(seen, CatalogProbe.lockModes(sampler, pid));
                    break;
                }
                pause();
            }
            if (blocking) {
                blocker.rollback();
            }
            released = System.nanoTime();
            long bound = released + STATEMENT_BOUND.toNanos();
            while (!done.isDone() && System.nanoTime() < bound) {
                mergeInto(seen, CatalogProbe.lockModes(sampler, pid));
                pause();
            }
        }
        SQLException failure = await(done);
        Duration took = Duration.ofNanos(System.nanoTime() - (queued ? released : t0));
        Map<String, LockLevel> locks = CatalogProbe.named(seen, before);
        if (failure != null) {
            return Observation.failed(failure, took).toCheck(s, expected, true, notes);
        }
        List<String> rewritten = Observation.rewritten(before, CatalogProbe.tables(conn));
        boolean captured = queued || !locks.isEmpty();
        if (!captured) {
            notes.add("It finished before any lock could be sampled; its lock level is not compared.");
        }
        return new StatementCheck(s.index(), s.line(), s.text(), locks, rewritten, took, true, captured, null, null,
                expected, Disagreements.between(expected, locks, rewritten, captured), notes);
    }

    /** Holds ACCESS EXCLUSIVE on the tables in an open transaction; false when there is nothing to hold. */
    private boolean block(Connection blocker, List<String> tables, List<String> notes) throws SQLException {
        if (tables.isEmpty()) {
            return false;
        }
        blocker.setAutoCommit(false);
        try {
            ShadowVerifier.exec(blocker, "SET LOCAL lock_timeout = '" + options.lockTimeout().toMillis() + "ms'");
            ShadowVerifier.exec(blocker, "LOCK TABLE " + String.join(", ", tables) + " IN ACCESS EXCLUSIVE MODE");
            return true;
        } catch (SQLException e) {
            blocker.rollback();
            notes.add("Could not hold its tables to catch the lock it asks for (" + e.getMessage() + ").");
            return false;
        }
    }

    private SQLException execute(String sql) {
        try {
            ShadowVerifier.exec(conn, sql);
            return null;
        } catch (SQLException e) {
            return e;
        }
    }

    private static SQLException await(CompletableFuture<SQLException> done) {
        try {
            return done.get(1, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException e) {
            return new SQLException("The statement did not complete: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SQLException("Interrupted while the statement ran.", e);
        }
    }

    private static void mergeInto(Map<Long, EnumSet<LockLevel>> seen, Map<Long, EnumSet<LockLevel>> now) {
        now.forEach((oid, modes) -> seen.computeIfAbsent(oid, k -> EnumSet.noneOf(LockLevel.class)).addAll(modes));
    }

    /** Sampling interval: short enough to catch a lock held for a few ms, long enough not to spin a core. */
    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.debug("Sampling interrupted");
        }
    }
}
