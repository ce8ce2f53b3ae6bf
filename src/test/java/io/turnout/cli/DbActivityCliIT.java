package io.turnout.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.turnout.app.TestServices;
import io.turnout.db.DbConnector;
import io.turnout.db.DbUrl;
import io.turnout.testing.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code turnout db activity} in-process against the sandbox PostgreSQL: JSON shape, --watch, exit codes. */
class DbActivityCliIT {

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int turnout(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return new Cli(TestServices.in(home), new PrintWriter(out, true), new PrintWriter(err, true)).run(args);
    }

    private static String app() {
        return "it-cli-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 24), 36);
    }

    private static JsonNode group(JsonNode doc, String name) {
        for (JsonNode g : doc.get("applications")) {
            if (g.get("name").asText().equals(name)) {
                return g;
            }
        }
        throw new AssertionError("no application " + name + " in " + doc);
    }

    @Test
    void jsonOneShotHasTheDocumentedShapeAndARate() throws Exception {
        String app = app();
        try (Connection idle = DbConnector.direct().open(DbUrl.parse(Sandbox.pgUrl()), app)) {
            int code = turnout("db", "activity", "--db", Sandbox.pgUrl(), "--json", "--interval", "300ms");
            assertThat(code).as(err.toString()).isZero();
        }
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.get("database").asText()).contains("password=***").doesNotContain(passwordOf(Sandbox.pgUrl()));
        assertThat(doc.get("monitorPid").asInt()).isPositive();
        assertThat(doc.get("maxConnections").asInt()).isEqualTo(100);
        List<String> stateKeys = new ArrayList<>();
        doc.get("states").fieldNames().forEachRemaining(stateKeys::add);
        assertThat(stateKeys).containsExactly("active", "idle", "idle_in_transaction", "idle_in_transaction_aborted",
                "waiting", "other", "total");
        JsonNode mine = group(doc, app);
        assertThat(mine.get("total").asInt()).isEqualTo(1);
        assertThat(mine.get("states").get("idle").asInt()).isEqualTo(1);
        assertThat(doc.get("clients").isArray()).isTrue();
        assertThat(doc.get("commitsPerSecond").isNumber()).as("tps from two samples: %s", doc).isTrue();
        assertThat(doc.get("rollbacksPerSecond").isNumber()).isTrue();
        assertThat(doc.get("blocked").isArray()).isTrue();
        assertThat(doc.has("oldestTransaction")).isTrue();
        assertThat(doc.get("replication").get("role").asText()).isEqualTo("primary");
        assertThat(doc.get("replication").get("replicas").asInt()).isZero();
        assertThat(doc.get("replication").get("lagSeconds").isNull()).isTrue();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void watchPrintsOneDocumentPerSampleUpToCount() throws Exception {
        int code = turnout("db", "activity", "--db", Sandbox.pgUrl(), "--json", "--watch", "--count", "3", "--interval", "200ms");
        assertThat(code).as(err.toString()).isZero();
        List<JsonNode> docs;
        try (MappingIterator<JsonNode> it = new ObjectMapper().readerFor(JsonNode.class).readValues(out.toString())) {
            docs = it.readAll();
        }
        assertThat(docs).hasSize(3);
        assertThat(docs.get(0).get("commitsPerSecond").isNull()).isTrue();
        assertThat(docs.get(2).get("commitsPerSecond").isNumber()).isTrue();
        assertThat(docs).extracting(d -> d.get("monitorPid").asInt()).containsOnly(docs.get(0).get("monitorPid").asInt());
    }

    @Test
    void textShowsStatesApplicationsAndTps() {
        String app = app();
        try (Connection idle = DbConnector.direct().open(DbUrl.parse(Sandbox.pgUrl()), app)) {
            assertThat(turnout("db", "activity", "--db", Sandbox.pgUrl(), "--interval", "200ms")).as(err.toString()).isZero();
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        assertThat(out.toString()).contains("CONNECTIONS ", "of max 100", "idle in transaction (aborted)", "APPLICATION", app,
                "TPS ", "BLOCKED SESSIONS none", "OLDEST TRANSACTION", "REPLICATION none").doesNotContain(passwordOf(Sandbox.pgUrl()));
    }

    @Test
    void throughTheHostsSshConnection() throws Exception {
        int code = turnout("--ssh-config", Sandbox.sshConfig().toString(), "db", "activity", "--db", Sandbox.pgUrl(),
                "--via-host", "turnout-sandbox", "--json", "--interval", "200ms");
        assertThat(code).as(err.toString()).isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).get("monitorPid").asInt()).isPositive();
    }

    @Test
    void badUrlIsExitTwoWithTheUrlMasked() {
        assertThat(turnout("db", "activity", "--db", "postgres://app:s3cr3t@h/db")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("Not a PostgreSQL JDBC URL").doesNotContain("s3cr3t");
        assertThat(turnout("db", "activity", "--db", Sandbox.pgUrl(), "--interval", "soon")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--interval");
    }

    @Test
    void unreachableIsExitOneWithOneSentenceAndNoPassword() {
        int code = turnout("db", "activity", "--db", "jdbc:postgresql://127.0.0.1:1/shop?user=app&password=s3cr3t");
        assertThat(code).isEqualTo(ExitCode.FAILED);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).startsWith("turnout: Cannot reach the database at 127.0.0.1:1/shop").doesNotContain("s3cr3t");
        assertThat(out.toString()).isEmpty();
    }

    private static String passwordOf(String jdbcUrl) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[?&]password=([^&]*)").matcher(jdbcUrl);
        return m.find() ? m.group(1) : "\u0000";
    }
}
