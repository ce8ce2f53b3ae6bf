package io.turnout.db;

import org.postgresql.PGStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Samples one PostgreSQL server through ONE dedicated monitoring connection
 * ({@code application_name = turnout-monitor}, autocommit, its own {@code statement_timeout}).
 * A dropped connection is re-opened on the next sample, then with growing pauses (0.5 s … 30 s);
 * failures come back as a {@link DbActivity#down down} snapshot, never as an exception, so a feed
 * keeps ticking through an outage. Not thread-safe by design: one caller (the feed's thread) at a time.
 */
public final class DbActivitySampler implements AutoCloseable {

    public static final String APPLICATION_NAME = "turnout-monitor";
    static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration NETWORK_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(DbActivitySampler.class);

    private final DbConnector connector;
    private final DbUrl url;
    private final Clock clock;

    private Connection connection;
    private PreparedStatement statement;
    private boolean everConnected;
    private int reconnects;
    private int failedAttempts;
    private Instant nextAttempt = Instant.MIN;
    private String lastProblem;
    private final TpsCounter tps = new TpsCounter();

    public DbActivitySampler(DbConnector connector, DbUrl url, Clock clock) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.url = Objects.requireNonNull(url, "url");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The one statement each sample runs, for benchmarks (EXPLAIN ANALYZE) and the docs. */
    public static String sampleSql() {
        return ActivityQuery.SQL;
    }

    public DbUrl url() {
        return url;
    }

    /** Takes one sample; opens (or re-opens) the monitoring connection first if needed. Blocking. */
    public synchronized DbActivity sample() {
        Instant at = clock.instant();
        if (connection == null && !open(at)) {
            return DbActivity.down(at, lastProblem, reconnects);
        }
        try {
            return query(at);
        } catch (SQLException e) {
            if ("57014".equals(e.getSQLState())) {   // statement_timeout: the server is slow, the connection is fine
                return DbActivity.down(at, "The activity sample took longer than " + STATEMENT_TIMEOUT.toSeconds()
                        + " s on " + where() + ".", reconnects);
            }
            log.info("Monitoring connection to {} lost ({}); reconnecting", url.masked(), DbUrl.maskSecrets(String.valueOf(e.getMessage())));
            closeConnection();
            if (!open(at)) {
                return DbActivity.down(at, lastProblem, reconnects);
            }
            try {
                return query(at);
            } catch (SQLException again) {
                closeConnection();
                lastProblem = DbConnector.sentence(url, again);
                return DbActivity.down(at, lastProblem, reconnects);
            }
        }
    }

    private DbActivity query(Instant at) throws SQLException {
        long t0 = System.nanoTime();
        ActivityQuery.Row row;
        try (ResultSet rs = statement.executeQuery()) {
            row = ActivityQuery.read(rs);
        }
        Duration roundTrip = Duration.ofNanos(System.nanoTime() - t0);
        TpsCounter.Rates rates = tps.next(at, row.xactCommit(), row.xactRollback());
        lastProblem = null;
        return new DbActivity(at, null, reconnects, row.monitorPid(), row.maxConnections(), row.states(),
                row.byApplication(), row.byClient(), rates.commits(), rates.rollbacks(),
                BlockingChains.of(row.lockSessions()), row.oldest(), row.replication(), roundTrip);
    }

    private boolean open(Instant at) {
        if (at.isBefore(nextAttempt)) {
            return false;
        }
        try {
            Connection c = connector.open(url, APPLICATION_NAME);
            try {
                c.setAutoCommit(true);
                c.setNetworkTimeout(Runnable::run, (int) NETWORK_TIMEOUT.toMillis());
                try (Statement s = c.createStatement()) {
                    s.execute("SET statement_timeout = " + STATEMENT_TIMEOUT.toMillis());
                }
                PreparedStatement ps = c.prepareStatement(ActivityQuery.SQL);
                ps.unwrap(PGStatement.class).setPrepareThreshold(1);   // plan once per connection, not per sample
                connection = c;
                statement = ps;
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            if (everConnected) {
                reconnects++;
                log.info("Monitoring connection to {} re-opened (reconnect {})", url.masked(), reconnects);
            }
            everConnected = true;
            failedAttempts = 0;
            nextAttempt = Instant.MIN;
            return true;
        } catch (DbException | SQLException e) {
            failedAttempts++;
            Duration wait = backoff(failedAttempts);
            nextAttempt = at.plus(wait);
            String sentence = e instanceof SQLException sql ? DbConnector.sentence(url, sql) : e.getMessage();
            lastProblem = (everConnected ? "Reconnecting: " : "") + sentence + " Next attempt in " + seconds(wait) + ".";
            log.debug("Monitor connection attempt {} to {} failed: {}", failedAttempts, url.masked(), sentence);
            return false;
        }
    }

    /** 0.5 s, 1 s, 2 s ... capped at 30 s. */
    static Duration backoff(int attempt) {
        long ms = 500L << Math.min(Math.max(attempt - 1, 0), 10);
        return Duration.ofMillis(Math.min(ms, 30_000));
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : (d.toMillis() / 1000.0) + " s";
    }

    private String where() {
        return url.host() + ":" + url.port() + "/" + url.database();
    }

    private void closeConnection() {
        Connection c = connection;
        connection = null;
        statement = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                log.debug("Closing the monitoring connection: {}", e.getMessage());
            }
        }
    }

    /** Closes the monitoring connection; the next {@link #sample()} opens a new one (not counted as a reconnect). */
    @Override
    public synchronized void close() {
        closeConnection();
        everConnected = false;
        failedAttempts = 0;
        nextAttempt = Instant.MIN;
        tps.reset();
    }
}
