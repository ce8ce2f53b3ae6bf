package io.turnout.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.turnout.connect.HostCatalog;
import io.turnout.connect.HostConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** {@code turnout migrate classify}: JSON shape, text report and exit codes, run in-process. No database is contacted. */
class MigrateClassifyCommandTest {

    @TempDir Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CliServices none = new CliServices() {
            @Override public HostCatalog catalog(Path sshConfig) { return List::of; }
            @Override public HostConnector connector(Path s, io.turnout.ssh.HostKeyPrompt k, io.turnout.ssh.SecretPrompt p) { return fail("no host"); }
            @Override public int openGui(Path sshConfig, List<String> hosts) { return fail("not used"); }
            @Override public DemoTarget prepareDemo(Path sshConfig) { return fail("not used"); }
        };
        return new Cli(none, new PrintWriter(out, true), new PrintWriter(err, true)).run(args);
    }

    private Path file(String name, String sql) throws IOException {
        return Files.writeString(dir.resolve(name), sql);
    }

    @Test
    void jsonHasOneObjectPerFileWithTheIssueFields() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("db"));
        Files.writeString(folder.resolve("V1__create.sql"), "CREATE TABLE accounts (id bigint PRIMARY KEY, name varchar(10));");
        Files.writeString(folder.resolve("V2__index.sql"), "SET lock_timeout = '2s';\nCREATE INDEX accounts_name ON accounts (name);");
        int code = run("migrate", "classify", folder.toString(), "--format", "json", "--pg-version", "15");
        assertThat(code).isEqualTo(ExitCode.OK);
        JsonNode files = new ObjectMapper().readTree(out.toString());
        assertThat(files.isArray()).isTrue();
        assertThat(files).hasSize(2);
        JsonNode v2 = files.get(1);
        assertThat(v2.get("file").asText()).endsWith("V2__index.sql");
        assertThat(fieldNames(v2)).containsSubsequence("file", "isValid", "riskLevel", "class", "operations", "warnings", "errors");
        assertThat(v2.get("isValid").asBoolean()).isTrue();
        assertThat(v2.get("riskLevel").asText()).isEqualTo("HIGH");
        assertThat(v2.get("class").asText()).isEqualTo("maintenance");
        JsonNode op = v2.get("operations").get(1);
        assertThat(fieldNames(op)).containsSubsequence("index", "line", "type", "statement", "tables", "lockLevel",
                "rewrites", "riskLevel", "class", "warnings", "safeAlternative");
        assertThat(op.get("index").asInt()).isEqualTo(2);
        assertThat(op.get("line").asInt()).isEqualTo(2);
        assertThat(op.get("type").asText()).isEqualTo("CREATE_INDEX");
        assertThat(op.get("tables").get(0).asText()).isEqualTo("accounts");
        assertThat(op.get("lockLevel").asText()).isEqualTo("SHARE");
        assertThat(op.get("rewrites").asText()).isEqualTo("no");
        assertThat(op.get("safeAlternative").asText()).contains("CONCURRENTLY");
        assertThat(v2.get("errors")).isEmpty();
    }

    @Test
    void versionUnknownReportsDependsOnVersion() throws IOException {
        Path f = file("m.sql", "ALTER TABLE a ADD COLUMN b text DEFAULT 'x';");
        assertThat(run("migrate", "classify", f.toString(), "--format", "json")).isEqualTo(ExitCode.OK);
        assertThat(new ObjectMapper().readTree(out.toString()).get(0).get("operations").get(0).get("rewrites").asText())
                .isEqualTo("depends-on-version");
    }

    @Test
    void syntaxErrorIsInErrorsWithItsLineAndExitZeroWithoutFailOn() throws IOException {
        Path f = file("bad.sql", "SET lock_timeout = '1s';\nALTER TABLE ADD COLUMN;\n");
        assertThat(run("migrate", "classify", f.toString(), "--format", "json", "--pg-version", "15")).isEqualTo(ExitCode.OK);
        JsonNode file = new ObjectMapper().readTree(out.toString()).get(0);
        assertThat(file.get("isValid").asBoolean()).isFalse();
        assertThat(file.get("errors").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(file.get("errors").get(0).get("message").asText()).contains("table name");
    }

    @Test
    void invalidFileCountsAsHighForFailOn() throws IOException {
        Path f = file("bad.sql", "SELECT 'unterminated;\n");
        assertThat(run("migrate", "classify", f.toString(), "--fail-on", "HIGH")).isEqualTo(ExitCode.THRESHOLD);
    }

    @Test
    void failOnExitsThreeOnlyWhenTheLevelIsReached() throws IOException {
        Path medium = file("drop_index.sql", "SET lock_timeout = '1s';\nDROP INDEX accounts_name;");
        assertThat(run("migrate", "classify", medium.toString(), "--pg-version", "15", "--fail-on", "HIGH")).isEqualTo(ExitCode.OK);
        assertThat(run("migrate", "classify", medium.toString(), "--pg-version", "15", "--fail-on", "medium")).isEqualTo(ExitCode.THRESHOLD);
    }

    @Test
    void unreadablePathIsExitTwoWithOneSentence() {
        int code = run("migrate", "classify", dir.resolve("missing.sql").toString());
        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).startsWith("turnout: Cannot read migration").contains("no such file").doesNotContain("Exception");
    }

    @Test
    void unknownDialectIsExitTwo() throws IOException {
        Path f = file("m.sql", "SELECT 1;");
        assertThat(run("migrate", "classify", f.toString(), "--dialect", "oracle")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("postgresql or mysql");
    }

    @Test
    void textReportShowsTheTableAndTheSafeAlternative() throws IOException {
        Path f = file("V3__rename.sql", "ALTER TABLE users RENAME COLUMN name TO full_name;");
        assertThat(run("migrate", "classify", f.toString(), "--pg-version", "15")).isEqualTo(ExitCode.OK);
        assertThat(out.toString())
                .contains("Verdicts for PostgreSQL 15.")
                .contains("V3__rename.sql: HIGH, risky")
                .containsPattern("RENAME_COLUMN\\s+users\\s+ACCESS EXCLUSIVE\\s+no\\s+HIGH\\s+risky")
                .contains("[renaming-column]")
                .contains("safe alternative: Expand/contract")
                .contains("require-timeout-settings")
                .doesNotContain("\u001b[");
    }

    @Test
    void mysqlDialectReportsNoPostgresLock() throws IOException {
        Path f = file("m.sql", "ALTER TABLE users ADD COLUMN note TEXT, ALGORITHM=COPY;");
        assertThat(run("migrate", "classify", f.toString(), "--dialect", "mysql", "--format", "json")).isEqualTo(ExitCode.OK);
        JsonNode op = new ObjectMapper().readTree(out.toString()).get(0).get("operations").get(0);
        assertThat(op.get("lockLevel").asText()).isEqualTo("none");
        assertThat(op.get("rewrites").asText()).isEqualTo("yes");
        assertThat(op.get("warnings").toString()).contains("MySQL");
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
