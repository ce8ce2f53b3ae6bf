package io.turnout.db;

import io.turnout.ssh.HostKeyPrompt;
import io.turnout.ssh.SecretPrompt;
import io.turnout.ssh.SshConfigFile;
import io.turnout.ssh.SshConnection;
import io.turnout.ssh.SshOptions;
import io.turnout.testing.FeedWait;
import io.turnout.testing.Poll;
import io.turnout.testing.Sandbox;
import io.turnout.timeline.SeriesKey;
import io.turnout.timeline.Timeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sampler and feed against the sandbox PostgreSQL, with sessions of known application_names
 * and states opened by the test. Other helpers share the server, so comparisons are restricted to
 * this test's own application names and its own scratch database ({@code turnout_dbfeed_<rnd>}).
 */
class DbActivityIT {

    static final String RND = Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 24), 36);
    static final String SCRATCH = "turnout_dbfeed_" + RND;

    static DbUrl server;
    static DbUrl scratch;

    private final List<AutoCloseable> open = new ArrayList<>();
    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "it-db-session");
        t.setDaemon(true);
        return t;
    });

    @BeforeAll
    static void createScratchDatabase() throws SQLException {
        server = DbUrl.parse(Sandbox.pgUrl());
        scratch = server.withDatabase(SCRATCH);
        try (Connection c = DbConnector.direct().open(server, "it-dbfeed-admin"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + SCRATCH);
        }
        try (Connection c = DbConnector.direct().open(scratch, "it-dbfeed-admin"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE accounts (id int PRIMARY KEY, balance int NOT NULL)");
            s.execute("INSERT INTO accounts VALUES (1, 0), (2, 0)");
        }
    }

    @AfterAll
    static void dropScratchDatabase() throws SQLException {
        if (server == null) {
            return;
        }
        try (Connection c = DbConnector.direct().open(server, "it-dbfeed-admin"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + SCRATCH + " WITH (FORCE)");
        }
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            try {
                c.close();
            } catch (Exception e) {
                // a session a test terminated on purpose
            }
        }
        background.shutdownNow();
    }

    private <T extends AutoCloseable> T keep(T c) {
        open.add(c);
        return c;
    }

    private Connection session(DbUrl url, String app) {
        return keep(DbConnector.direct().open(url, app));
    }

    private DbActivitySampler sampler(DbConnector connector, DbUrl url) {
        return keep(new DbActivitySampler(connector, url, Clock.systemUTC()));
    }

    /** Runs a statement that blocks (pg_sleep, a lock wait) on its own thread; closing the session ends it. */
    private void runInBackground(Connection c, String sql) {
        background.submit(() -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                // ended by the test's cleanup
            }
            return null;
        });
    }

    private static int pidOf(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** pg_stat_activity queried independently: (application_name → state → count), lock waits as 'waiting'. */
    private static Map<String, Map<String, Integer>> independentCounts(Connection admin, List<String> apps) throws SQLException {
        Map<String, Map<String, Integer>> out = new HashMap<>();
        try (var ps = admin.prepareStatement("""
                SELECT application_name, CASE WHEN wait_event_type = 'Lock' THEN 'waiting' ELSE state END, count(*)
                FROM pg_stat_activity WHERE backend_type = 'client backend' AND application_name = ANY (?) GROUP BY 1, 2""")) {
            ps.setArray(1, admin.createArrayOf("text", apps.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getInt(3));
                }
            }
        }
        return out;
    }

    private static Map<String, Integer> nonZero(StateCounts c) {
        Map<String, Integer> m = new HashMap<>();
        c.byStateName().forEach((k, v) -> {
            if (v > 0) {
                m.put(k, v);
            }
        });
        return m;
    }

    @Test
    void countsByApplicationAndStateMatchPgStatActivityExactly() throws Exception {
        String blue = "it-blue-" + RND;
        String green = "it-green-" + RND;
        Connection admin = session(server, "it-dbfeed-admin");
        session(server, blue);                                               // idle
        Connection blueTxn = session(server, blue);                          // idle in transaction
        blueTxn.setAutoCommit(false);
        blueTxn.createStatement().execute("SELECT 1");
        runInBackground(session(server, blue), "SELECT pg_sleep(60)");      // active
        Connection greenAborted = session(server, green);                    // idle in transaction (aborted)
        greenAborted.setAutoCommit(false);
        try {
            greenAborted.createStatement().execute("SELECT 1 / 0");
        } catch (SQLException expected) {
            // the transaction is now aborted
        }
        runInBackground(session(server, green), "SELECT pg_sleep(60)");     // active
        Map<String, Map<String, Integer>> expected = Poll.until(Duration.ofSeconds(20), "both sleepers active",
                () -> sneaky(() -> independentCounts(admin, List.of(blue, green))),
                m -> m.getOrDefault(blue, Map.of()).getOrDefault("active", 0) == 1
                        && m.getOrDefault(green, Map.of()).getOrDefault("active", 0) == 1);
        assertThat(expected.get(blue)).isEqualTo(Map.of("active", 1, "idle", 1, "idle in transaction", 1));
        assertThat(expected.get(green)).isEqualTo(Map.of("active", 1, "idle in transaction (aborted)", 1));

        Timeline timeline = new Timeline(Clock.systemUTC());
        DbActivityFeed feed = keep(new DbActivityFeed(sampler(DbConnector.direct(), server), Duration.ofMillis(500), timeline));
        feed.start();
        DbActivity a = FeedWait.until(feed, Duration.ofSeconds(20), "a good sample", DbActivity::ok);

        assertThat(nonZero(a.application(blue))).isEqualTo(expected.get(blue));
        assertThat(nonZero(a.application(green))).isEqualTo(expected.get(green));
        assertThat(a.maxConnections()).isEqualTo(100);
        assertThat(a.states().total()).isGreaterThanOrEqualTo(6);
        assertThat(a.oldestTransaction()).isNotNull();
        // the monitor does not count itself
        assertThat(sneaky(() -> independentCounts(admin, List.of(DbActivitySampler.APPLICATION_NAME)))
                .getOrDefault(DbActivitySampler.APPLICATION_NAME, Map.of()).values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(a.application(DbActivitySampler.APPLICATION_NAME).total() + 1);
        var slice = timeline.last(Duration.ofMinutes(1));
        assertThat(slice.series().get(SeriesKey.of("db", "app:" + blue)).last()).isEqualTo(3);
        assertThat(slice.series().get(SeriesKey.of("db", "app:" + green)).last()).isEqualTo(2);
        assertThat(slice.series()).containsKey(SeriesKey.of("db", "connections.max"));
    }

    @Test
    void blockingChainShowsWhoWaitsForWhomWithQueriesAndWaitTimes() throws Exception {
        String app = "it-lock-" + RND;
        Connection admin = session(server, "it-dbfeed-admin");
        Connection a = session(scratch, app + "-a");
        Connection b = session(scratch, app + "-b");
        Connection c = session(scratch, app + "-c");
        a.setAutoCommit(false);
        a.createStatement().executeUpdate("UPDATE accounts SET balance = balance + 1 WHERE id = 1");
        runInBackground(b, "UPDATE accounts SET balance = balance + 2 WHERE id = 1");
        Poll.until(Duration.ofSeconds(20), "B waits for A", () -> waiting(admin, app + "-b"));
        runInBackground(c, "UPDATE accounts SET balance = balance + 3 WHERE id = 1");
        Poll.until(Duration.ofSeconds(20), "C waits", () -> waiting(admin, app + "-c"));
        int pa = pidOf(admin, app + "-a");
        int pb = pidOf(admin, app + "-b");
        int pc = pidOf(admin, app + "-c");

        DbActivitySampler sampler = sampler(DbConnector.direct(), server);
        DbActivity s = Poll.until(Duration.ofSeconds(20), "both blocked sessions sampled", sampler::sample,
                x -> x.ok() && x.blocked().stream().filter(bl -> bl.pid() == pb || bl.pid() == pc).count() == 2);

        BlockedSession bs = s.blocked().stream().filter(x -> x.pid() == pb).findFirst().orElseThrow();
        BlockedSession cs = s.blocked().stream().filter(x -> x.pid() == pc).findFirst().orElseThrow();
        assertThat(bs.blockers()).extracting(LockSession::pid).containsExactly(pa);
        assertThat(bs.blockers().getFirst().state()).isEqualTo("idle in transaction");
        assertThat(bs.blockers().getFirst().application()).isEqualTo(app + "-a");
        assertThat(bs.blockers().getFirst().query()).contains("balance + 1");
        assertThat(bs.depth()).isEqualTo(1);
        assertThat(bs.rootBlocker()).isEqualTo(pa);
        assertThat(bs.session().query()).contains("balance + 2");
        assertThat(cs.blockers()).extracting(LockSession::pid).containsExactly(pb);
        assertThat(cs.blockers().getFirst().query()).contains("balance + 2");
        assertThat(cs.depth()).isEqualTo(2);
        assertThat(cs.rootBlocker()).isEqualTo(pa);
        assertThat(cs.session().query()).contains("balance + 3");
        assertThat(cs.session().waited()).isPositive();
        assertThat(bs.session().waited()).isGreaterThanOrEqualTo(cs.session().waited());
        assertThat(s.states().waiting()).isGreaterThanOrEqualTo(2);
        assertThat(s.application(app + "-b").waiting()).isEqualTo(1);
        a.rollback();
    }

    private static boolean waiting(Connection admin, String app) {
        return sneaky(() -> {
            try (var ps = admin.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE application_name = ? AND wait_event_type = 'Lock'")) {
                ps.setString(1, app);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1) == 1;
                }
            }
        });
    }

    private static int pidOf(Connection admin, String app) throws SQLException {
        try (var ps = admin.prepareStatement("SELECT pid FROM pg_stat_activity WHERE application_name = ?")) {
            ps.setString(1, app);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("session %s", app).isTrue();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void monitorReconnectsAfterItsBackendIsTerminatedAndStopClosesIt() throws Exception {
        Connection admin = session(server, "it-dbfeed-admin");
        DbActivityFeed feed = keep(new DbActivityFeed(sampler(DbConnector.direct(), server), Duration.ofMillis(300), null));
        feed.start();
        int first = FeedWait.until(feed, Duration.ofSeconds(20), "a good sample", DbActivity::ok).monitorPid();
        try (Statement s = admin.createStatement()) {
            s.execute("SELECT pg_terminate_backend(" + first + ")");
        }
        DbActivity after = FeedWait.until(feed, Duration.ofSeconds(30), "a good sample from a new monitor connection",
                x -> x.ok() && x.reconnects() == 1 && x.monitorPid() != first);
        DbActivity later = FeedWait.until(feed, Duration.ofSeconds(30), "sampling goes on",
                x -> x.ok() && x.at().isAfter(after.at()));
        assertThat(later.monitorPid()).isEqualTo(after.monitorPid());
        assertThat(isConnected(admin, first)).isFalse();

        feed.stop();
        Poll.until(Duration.ofSeconds(20), "the monitor's connection closed by stop()", () -> !isConnected(admin, later.monitorPid()));
    }

    private static boolean isConnected(Connection admin, int pid) {
        return sneaky(() -> {
            try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid)) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        });
    }

    @Test
    void samplesThroughTheHostsSshTunnel() throws Exception {
        SshConfigFile config = SshConfigFile.explicit(Sandbox.sshConfig());
        SshConnection ssh = keep(SshConnection.open(config.resolve("turnout-sandbox"),
                SshOptions.defaults(config, HostKeyPrompt.rejecting(), SecretPrompt.none())));
        DbConnector tunnel = DbConnector.through(ssh);
        assertThat(tunnel.effective(server).port()).isNotEqualTo(server.port());
        Connection admin = session(server, "it-dbfeed-admin");
        String app = "it-tunnel-" + RND;
        session(server, app);

        DbActivity a = sampler(tunnel, server).sample();

        assertThat(a.problem()).isNull();
        assertThat(a.application(app).idle()).isEqualTo(1);
        try (Statement s = admin.createStatement();
             ResultSet rs = s.executeQuery("SELECT application_name FROM pg_stat_activity WHERE pid = " + a.monitorPid())) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(DbActivitySampler.APPLICATION_NAME);
        }
    }

    @Test
    void unreachableServerIsASnapshotNotAnException() {
        DbActivitySampler sampler = sampler(DbConnector.direct(), DbUrl.parse("jdbc:postgresql://127.0.0.1:1/nowhere?password=s3cr3t"));
        DbActivity a = sampler.sample();
        assertThat(a.ok()).isFalse();
        assertThat(a.problem()).startsWith("Cannot reach the database at 127.0.0.1:1/nowhere").doesNotContain("s3cr3t");
        DbActivity b = sampler.sample();   // within the back-off: no new attempt, same sentence
        assertThat(b.problem()).isEqualTo(a.problem());
    }

    /**
     * pgbench's own tps against the feed's over the same run. The feed's figure is the time-weighted
     * mean of its per-sample rates (Σ commits / Σ seconds) over the samples taken while pgbench ran,
     * leaving out the first and last second: PostgreSQL flushes each backend's counters at most once
     * a second, so the edges of the run hold partial seconds. pgbench's figure is over its whole
     * run without connection time. The load is throttled ({@code -R 100}: a Poisson schedule of 100
     * transactions per second, well under what this shared 2-core machine sustains) so the rate is
     * the same in every part of the run; unthrottled, a neighbour's build slowing the first or last
     * second moves pgbench's average but not the feed's window, and the comparison would measure the
     * machine, not the feed.
     */
    @Test
    void feedTpsMatchesPgbenchWithinTenPercent() throws Exception {
        run(Duration.ofMinutes(2), "pgbench", "-i", "-q", "-s", "1", "-h", scratch.host(), "-p", Integer.toString(scratch.port()),
                "-U", "turnout", SCRATCH);
        Timeline timeline = new Timeline(Clock.systemUTC());
        DbActivityFeed feed = keep(new DbActivityFeed(sampler(DbConnector.direct(), scratch), Duration.ofSeconds(1), timeline));
        List<DbActivity> samples = new java.util.concurrent.CopyOnWriteArrayList<>();
        feed.subscribe(samples::add);
        feed.start();
        FeedWait.until(feed, Duration.ofSeconds(20), "a first rate", x -> x.ok() && x.commitsPerSecond() != null);

        java.time.Instant start = java.time.Instant.now();
        String out = run(Duration.ofSeconds(60), "pgbench", "-c", "4", "-T", "10", "-R", "100", "-n", "-h", scratch.host(),
                "-p", Integer.toString(scratch.port()), "-U", "turnout", SCRATCH);
        java.time.Instant end = java.time.Instant.now();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(out);
        assertThat(m.find()).as("pgbench output: %s", out).isTrue();
        double pgbenchTps = Double.parseDouble(m.group(1));

        double commits = 0;
        double seconds = 0;
        int used = 0;
        for (int i = 1; i < samples.size(); i++) {
            DbActivity prev = samples.get(i - 1);
            DbActivity cur = samples.get(i);
            if (prev.ok() && cur.ok() && cur.commitsPerSecond() != null
                    && !prev.at().isBefore(start.plusSeconds(1)) && !cur.at().isAfter(end.minusSeconds(1))) {
                double dt = Duration.between(prev.at(), cur.at()).toNanos() / 1e9;
                commits += cur.commitsPerSecond() * dt;
                seconds += dt;
                used++;
            }
        }
        assertThat(used).as("samples inside the run: %s", samples).isGreaterThanOrEqualTo(4);
        double feedTps = commits / seconds;
        System.out.printf(java.util.Locale.ROOT, "[measure] pgbench tps %.1f, feed tps %.1f over %d samples (%.1f s), diff %.1f %%%n",
                pgbenchTps, feedTps, used, seconds, 100 * (feedTps - pgbenchTps) / pgbenchTps);
        assertThat(feedTps).isCloseTo(pgbenchTps, org.assertj.core.data.Percentage.withPercentage(10));
        assertThat(timeline.last(Duration.ofMinutes(2)).series().get(SeriesKey.of("db", "tps.commit")).size())
                .isGreaterThanOrEqualTo(used);
    }

    /** Runs a PostgreSQL client tool with the sandbox password; returns its output, fails on a non-zero exit. */
    private static String run(Duration limit, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", passwordOf(Sandbox.pgUrl()));
        Process p = pb.start();
        java.util.concurrent.CompletableFuture<String> output = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        if (!p.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + limit);
        }
        String text = output.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(p.exitValue()).as("%s: %s", String.join(" ", command), text).isZero();
        return text;
    }

    private static String passwordOf(String jdbcUrl) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[?&]password=([^&]*)").matcher(jdbcUrl);
        return m.find() ? m.group(1) : "";
    }

    interface SqlSupplier<T> {
        T get() throws SQLException;
    }

    static <T> T sneaky(SqlSupplier<T> s) {
        try {
            return s.get();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
