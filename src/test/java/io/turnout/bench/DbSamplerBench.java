package io.turnout.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.turnout.db.DbActivity;
import io.turnout.db.DbActivitySampler;
import io.turnout.db.DbConnector;
import io.turnout.db.DbUrl;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The database sampler's cost with {@code idle} idle client sessions open (5 application names),
 * 2 idle-in-transaction sessions and a 2-deep lock chain, so every part of the statement has work:
 * server time per sample from {@code EXPLAIN (ANALYZE, TIMING OFF) EXECUTE} of the prepared sampling
 * statement (planning + execution), and the client round trip of {@link DbActivitySampler#sample()}
 * (query, transfer, decoding). Run by scripts/bench-db-sampler; not a test.
 */
public final class DbSamplerBench {

    public static void main(String[] args) throws Exception {
        DbUrl url = DbUrl.parse(args[0]);
        int idle = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        DbConnector db = DbConnector.direct();
        List<Connection> sessions = new ArrayList<>();
        try {
            for (int i = 0; i < idle; i++) {
                sessions.add(db.open(url, "bench-app-" + (i % 5)));
            }
            try (Statement s = sessions.get(0).createStatement()) {
                s.execute("DROP TABLE IF EXISTS bench_lock; CREATE TABLE bench_lock (id int PRIMARY KEY, v int); INSERT INTO bench_lock VALUES (1, 0)");
            }
            Connection holder = db.open(url, "bench-holder");
            sessions.add(holder);
            holder.setAutoCommit(false);
            holder.createStatement().executeUpdate("UPDATE bench_lock SET v = v + 1 WHERE id = 1");
            for (int i = 0; i < 2; i++) {
                Connection waiter = db.open(url, "bench-waiter");
                sessions.add(waiter);
                Thread t = new Thread(() -> {
                    try (Statement s = waiter.createStatement()) {
                        s.executeUpdate("UPDATE bench_lock SET v = v + 1 WHERE id = 1");
                    } catch (Exception e) {
                        // ended when the bench closes its sessions
                    }
                });
                t.setDaemon(true);
                t.start();
            }
            Connection inTxn = db.open(url, "bench-txn");
            sessions.add(inTxn);
            inTxn.setAutoCommit(false);
            inTxn.createStatement().execute("SELECT 1");

            try (DbActivitySampler sampler = new DbActivitySampler(db, url, Clock.systemUTC())) {
                DbActivity a = null;
                for (int i = 0; i < 30; i++) {
                    a = sampler.sample();   // warm-up, and until both waiters are blocked
                    if (a.ok() && a.blocked().size() == 2 && i >= 20) {
                        break;
                    }
                    Thread.sleep(50);
                }
                if (a == null || !a.ok()) {
                    throw new IllegalStateException("sampler: " + (a == null ? "no sample" : a.problem()));
                }
                System.out.printf(Locale.ROOT, "sessions seen: %d (max_connections %d), blocked %d, applications %d%n",
                        a.states().total(), a.maxConnections(), a.blocked().size(), a.byApplication().size());
                double[] rtt = new double[count];
                for (int i = 0; i < count; i++) {
                    long t0 = System.nanoTime();
                    sampler.sample();
                    rtt[i] = (System.nanoTime() - t0) / 1e6;
                }
                print("client round trip of sample()", rtt);
            }

            double[] server = new double[count];
            double[] exec = new double[count];
            try (Connection c = db.open(url, "bench-explain"); Statement s = c.createStatement()) {
                s.execute("PREPARE activity AS " + DbActivitySampler.sampleSql());
                ObjectMapper json = new ObjectMapper();
                for (int i = -20; i < count; i++) {
                    try (ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) EXECUTE activity")) {
                        rs.next();
                        JsonNode plan = json.readTree(rs.getString(1)).get(0);
                        if (i >= 0) {
                            exec[i] = plan.get("Execution Time").asDouble();
                            server[i] = exec[i] + plan.path("Planning Time").asDouble(0);
                        }
                    }
                }
            }
            print("server time per sample (planning + execution)", server);
            print("server execution time only", exec);
        } finally {
            for (Connection c : sessions) {
                try {
                    c.close();
                } catch (Exception e) {
                    // closing
                }
            }
        }
    }

    private static void print(String what, double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-48s n=%d  median %.2f ms  p99 %.2f ms  max %.2f ms%n", what, sorted.length,
                sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.99) - 1], sorted[sorted.length - 1]);
    }
}
