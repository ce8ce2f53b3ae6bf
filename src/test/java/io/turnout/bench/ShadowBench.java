package io.turnout.bench;

import io.turnout.db.DbConnector;
import io.turnout.db.DbUrl;
import io.turnout.migrate.Dialect;
import io.turnout.migrate.SqlSplitter;
import io.turnout.migrate.SqlStatement;
import io.turnout.migrate.verify.ShadowSession;
import io.turnout.migrate.verify.ShadowVerifier;
import io.turnout.migrate.verify.StatementCheck;
import io.turnout.migrate.verify.VerifyOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Shadow verification time per statement over the corpus cases marked {@code shadow: true}, the
 * way {@code turnout migrate verify} runs: one disposable schema-only shadow of a target holding
 * every case's setup (each in its own schema), then each statement verified on its own (observe in
 * a transaction, roll back, apply). Prints the shadow's creation time and median / p95 per
 * statement, wall time (what the operator waits) and the statement's own execution time.
 * Run by {@code scripts/bench-shadow}.
 */
public final class ShadowBench {

    public static void main(String[] args) throws Exception {
        DbUrl server = DbUrl.parse(args[1]);
        String name = "turnout_bench_shadow_" + ProcessHandle.current().pid();
        DbConnector connector = DbConnector.direct();
        exec(connector, server, "CREATE DATABASE " + name);
        try {
            run(connector, server.withDatabase(name));
        } finally {
            exec(connector, server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static void run(DbConnector connector, DbUrl target) throws Exception {
        List<Map<String, Object>> cases = new ArrayList<>();
        int skipped = 0;
        try (Connection c = connector.open(target, "turnout-bench"); Statement st = c.createStatement()) {
            for (Map<String, Object> k : shadowCases()) {
                String setup = (String) k.getOrDefault("setup", "");
                if ((setup + k.get("sql")).toLowerCase(Locale.ROOT).contains("public.")) {
                    skipped++;
                    continue;
                }
                String schema = schema(k);
                st.execute("CREATE SCHEMA " + schema);
                st.execute("SET search_path TO " + schema);
                for (SqlStatement s : SqlSplitter.split(setup, Dialect.POSTGRESQL).statements()) {
                    st.execute(s.text());
                }
                cases.add(k);
            }
        }
        List<Double> wall = new ArrayList<>();
        List<Double> exec = new ArrayList<>();
        long t0 = System.nanoTime();
        try (ShadowSession session = new ShadowVerifier(connector).open(target, new VerifyOptions(java.time.Duration.ofSeconds(2), false))) {
            double created = (System.nanoTime() - t0) / 1e6;
            for (Map<String, Object> k : cases) {
                session.verify("path", List.of(new SqlStatement(1, 1, "SET search_path TO " + schema(k))), List.of());
                for (SqlStatement s : SqlSplitter.split((String) k.get("sql"), Dialect.POSTGRESQL).statements()) {
                    long s0 = System.nanoTime();
                    List<StatementCheck> checks = session.verify((String) k.get("id"), List.of(s), List.of()).checks();
                    wall.add((System.nanoTime() - s0) / 1e6);
                    checks.forEach(c -> exec.add(c.duration().toNanos() / 1e6));
                }
            }
            System.out.printf(Locale.ROOT, "cases: %d (skipped %d that name public. explicitly), statements: %d%n", cases.size(), skipped, wall.size());
            System.out.printf(Locale.ROOT, "shadow database creation (CREATE DATABASE + pg_dump --schema-only | psql, %d schemas): %.0f ms%n",
                    cases.size(), created);
            System.out.printf(Locale.ROOT, "per statement, wall (observe + roll back + apply): median %.1f ms, p95 %.1f ms, max %.1f ms%n",
                    pct(wall, 50), pct(wall, 95), pct(wall, 100));
            System.out.printf(Locale.ROOT, "per statement, the statement itself:              median %.1f ms, p95 %.1f ms%n",
                    pct(exec, 50), pct(exec, 95));
        }
    }

    private static String schema(Map<String, Object> k) {
        return "b_" + ((String) k.get("id")).replaceAll("[^A-Za-z0-9]", "_").toLowerCase(Locale.ROOT);
    }

    private static List<Map<String, Object>> shadowCases() throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/migrate/corpus"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    List<Map<String, Object>> raw = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
                    raw.stream().filter(m -> Boolean.TRUE.equals(m.get("shadow"))).forEach(out::add);
                }
            }
        }
        return out;
    }

    private static double pct(List<Double> values, int p) {
        List<Double> sorted = values.stream().sorted().toList();
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static void exec(DbConnector connector, DbUrl url, String sql) throws Exception {
        try (Connection c = connector.open(url, "turnout-bench"); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
