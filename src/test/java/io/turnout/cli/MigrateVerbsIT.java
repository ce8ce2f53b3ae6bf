package io.turnout.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.turnout.connect.HostCatalog;
import io.turnout.connect.HostConnector;
import io.turnout.testing.ScratchDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** `migrate verify` and `migrate plan` end to end through the CLI, against the sandbox PostgreSQL. */
class MigrateVerbsIT {

    private static ScratchDatabase db;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void target() {
        db = ScratchDatabase.create("cli");
        db.execute("CREATE TABLE accounts (id bigint PRIMARY KEY, n int, code varchar(10))",
                "INSERT INTO accounts SELECT g, g, 'x' FROM generate_series(1, 20000) g", "ANALYZE accounts");
    }

    @AfterAll
    static void drop() {
        if (db != null) {
            db.close();
        }
    }

    private int run(String... args) {
        CliServices none = new CliServices() {
            @Override public HostCatalog catalog(Path sshConfig) { return List::of; }
            @Override public HostConnector connector(Path c, io.turnout.ssh.HostKeyPrompt k, io.turnout.ssh.SecretPrompt p) { return fail("no host"); }
            @Override public int openGui(Path sshConfig, List<String> hosts) { return fail("not used"); }
            @Override public DemoTarget prepareDemo(Path sshConfig) { return fail("not used"); }
        };
        return new Cli(none, new PrintWriter(out, true), new PrintWriter(err, true)).run(args);
    }

    @Test
    void verifyAgreesAndReportsJsonPerStatement(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("V2__change.sql"), """
                ALTER TABLE accounts ALTER COLUMN n TYPE bigint;
                CREATE INDEX CONCURRENTLY accounts_code ON accounts (code);
                """);
        int code = run("migrate", "verify", f.toString(), "--db", db.url().jdbcUrl(), "--format", "json");
        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        JsonNode files = new ObjectMapper().readTree(out.toString());
        JsonNode s1 = files.get(0).get("statements").get(0);
        assertThat(s1.get("observed").get("lockLevel").asText()).isEqualTo("ACCESS EXCLUSIVE");
        assertThat(s1.get("observed").get("rewrites").asBoolean()).isTrue();
        assertThat(s1.get("classified").get("warnings").toString()).contains("Size: rewrite of accounts");
        JsonNode s2 = files.get(0).get("statements").get(1);
        assertThat(s2.get("observed").get("outsideTransaction").asBoolean()).isTrue();
        assertThat(s2.get("observed").get("lockLevel").asText()).isEqualTo("SHARE UPDATE EXCLUSIVE");
        assertThat(out.toString()).doesNotContain("turnout-sandbox");
    }

    @Test
    void classifyWithDbRelaxesARewriteOfASmallTable(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("V2__t.sql"), "SET lock_timeout = '2s';\nALTER TABLE accounts ALTER COLUMN n TYPE bigint;");
        assertThat(run("migrate", "classify", f.toString(), "--format", "json")).isEqualTo(ExitCode.OK);
        JsonNode offline = new ObjectMapper().readTree(out.toString()).get(0).get("operations").get(1);
        assertThat(offline.get("riskLevel").asText()).isEqualTo("HIGH");
        out.getBuffer().setLength(0);
        assertThat(run("migrate", "classify", f.toString(), "--format", "json", "--db", db.url().jdbcUrl())).as(err.toString()).isEqualTo(ExitCode.OK);
        JsonNode connected = new ObjectMapper().readTree(out.toString()).get(0).get("operations").get(1);
        assertThat(connected.get("riskLevel").asText()).isEqualTo("LOW");
        assertThat(connected.get("warnings").toString()).contains("Size: rewrite of accounts").contains("under ACCESS EXCLUSIVE");
    }

    @Test
    void verifyExitCodes(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("V2__x.sql"), "ALTER TABLE nope ADD COLUMN x int;");
        assertThat(run("migrate", "verify", dir.resolve("missing.sql").toString(), "--db", db.url().jdbcUrl())).isEqualTo(ExitCode.USAGE);
        assertThat(run("migrate", "verify", f.toString(), "--db", "postgres://x")).isEqualTo(ExitCode.USAGE);
        assertThat(run("migrate", "verify", f.toString(), "--db", db.url().jdbcUrl())).as("statement fails in the shadow").isEqualTo(ExitCode.FAILED);
        assertThat(out.toString()).contains("does not exist");
        int unreachable = run("migrate", "verify", f.toString(), "--db", "jdbc:postgresql://127.0.0.1:1/x?user=u&password=secret-pw");
        assertThat(unreachable).isEqualTo(ExitCode.FAILED);
        assertThat(err.toString()).contains("Cannot reach the database").doesNotContain("secret-pw");
    }

    @Test
    void planWritesFlywayFilesAfterTheFoldersHighestVersion(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__init.sql"), "CREATE TABLE users (id bigint PRIMARY KEY, mail varchar(120) NOT NULL);");
        Path change = Files.writeString(dir.resolve("V2__rename.sql"), "ALTER TABLE users RENAME COLUMN mail TO email;");
        Path outDir = dir.resolve("planned");
        assertThat(run("migrate", "plan", change.toString(), "--out", outDir.toString())).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(outDir.resolve("V3__expand_rename_users_mail.sql")).content().contains("ADD COLUMN email varchar(120)");
        assertThat(outDir.resolve("V4__backfill_rename_users_mail.sql.conf")).hasContent("executeInTransaction=false");
        assertThat(outDir.resolve("V5__contract_rename_users_mail.sql")).exists();
        assertThat(outDir.resolve("RELEASE-PLAN.md")).content().contains("After this phase a code rollback is no longer safe");
        assertThat(run("migrate", "plan", change.toString(), "--out", outDir.toString())).as("never overwrites").isEqualTo(ExitCode.OK);
        assertThat(outDir.resolve("V6__expand_rename_users_mail.sql")).as("numbers continue after --out's files").exists();
    }
}
