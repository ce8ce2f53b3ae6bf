package io.turnout.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.turnout.cli.Cli;
import io.turnout.testing.ScratchDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** `turnout migrate ...` and `turnout db ...` in-process against a database of their own; no terminal, like CI. */
class MigrateCliIT {

    @TempDir Path home;
    @TempDir Path folder;
    ScratchDatabase db;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() throws Exception {
        db = ScratchDatabase.create("cli");
        Files.writeString(folder.resolve("V1__create_items.sql"), "create table items (id bigint primary key, name text);\n"
                + "insert into items select g, 'item ' || g from generate_series(1, 100) g;\n");
        Files.writeString(folder.resolve("V2__index_name.sql"), "create index concurrently items_name_idx on items (name);\n");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private int turnout(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        AppServices services = new AppServices(AppDirs.of("Linux", Map.of("TURNOUT_CONFIG_DIR", home.resolve("cfg").toString()), home),
                Map.of("TURNOUT_BACKUP_DIR", home.resolve("backups").toString()), home);
        return new Cli(services, new PrintWriter(out, true), new PrintWriter(err, true)).run(args);
    }

    private String url() {
        return db.url().jdbcUrl();
    }

    private boolean historyExists() throws Exception {
        try (Connection c = db.open("check"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select to_regclass('flyway_schema_history') is not null")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    @Test
    void dryRunPrintsPlanPendingAndClassificationAndChangesNothing() throws Exception {
        int code = turnout("migrate", "run", folder.toString(), "--db", url(), "--type", "safe", "--dry-run");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Plan: Migrate " + db.url().database(), "Pending migrations (2):", "V2__index_name.sql",
                "Classification:", "Dry run: nothing was changed.").doesNotContain("turnout-sandbox");
        assertThat(historyExists()).isFalse();
        assertThat(home.resolve("backups")).doesNotExist();
    }

    @Test
    void withoutATerminalAndWithoutYesItRefusesWithExitTwo() throws Exception {
        int code = turnout("migrate", "run", folder.toString(), "--db", url(), "--type", "safe");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("without confirmation").contains("--yes");
        assertThat(historyExists()).isFalse();
    }

    @Test
    void runsWithYesThenInfoValidateAndBackupsShowTheResult() throws Exception {
        int code = turnout("migrate", "run", folder.toString(), "--db", url(), "--type", "safe", "--yes", "--label", "cli-first",
                "--lock-timeout", "3s", "--timeout", "60");
        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("Done: Migrate").doesNotContain("turnout-sandbox");

        assertThat(turnout("migrate", "info", folder.toString(), "--db", url(), "--json")).isZero();
        JsonNode info = new ObjectMapper().readTree(out.toString());
        assertThat(info.get("migrations")).hasSize(2).allSatisfy(m -> assertThat(m.get("state").asText()).isEqualTo("success"));

        assertThat(turnout("migrate", "validate", folder.toString(), "--db", url())).as(err.toString()).isZero();

        assertThat(turnout("db", "backups", "--json")).isZero();
        JsonNode backups = new ObjectMapper().readTree(out.toString());
        assertThat(backups).singleElement().satisfies(b -> {
            assertThat(b.get("label").asText()).isEqualTo("cli-first");
            assertThat(b.get("url").asText()).doesNotContain("turnout-sandbox");
        });
    }

    @Test
    void typeSafeWithAMaintenanceClassFileExitsThreeInDryRunAndOneWhenRun() throws Exception {
        Files.writeString(folder.resolve("V3__retype.sql"), "alter table items alter column id type text;\n");

        assertThat(turnout("migrate", "run", folder.toString(), "--db", url(), "--type", "safe", "--dry-run")).isEqualTo(3);
        assertThat(out.toString()).contains("Would be refused:", "V3__retype.sql:1");

        assertThat(turnout("migrate", "run", folder.toString(), "--db", url(), "--type", "safe", "--yes")).isEqualTo(1);
        assertThat(err.toString()).contains("Refused: 1 statement(s) are above --type safe");
        assertThat(historyExists()).isFalse();
    }

    @Test
    void backupThenRestoreBringsTheDataBack() throws Exception {
        assertThat(turnout("migrate", "run", folder.toString(), "--db", url(), "--type", "safe", "--yes")).as(err.toString()).isZero();
        assertThat(turnout("db", "backup", "--db", url(), "--label", "good")).as(err.toString()).isZero();
        db.execute("delete from items");

        assertThat(turnout("db", "restore", "--backup", "good", "--db", url())).isEqualTo(2);
        assertThat(turnout("db", "restore", "--backup", "good", "--db", url(), "--yes")).as(out + "\n" + err).isZero();

        try (Connection c = db.open("check"); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from items")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(100);
        }
    }

    @Test
    void badInputIsExitTwoWithOneSentence() {
        assertThat(turnout("migrate", "run", folder.toString(), "--db", url(), "--type", "bogus")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown migration type 'bogus'");
        assertThat(turnout("migrate", "run", folder.toString(), "--type", "safe")).isEqualTo(2);
        assertThat(err.toString()).contains("Say which database");
        assertThat(turnout("db", "backup", "--db", url(), "--label", "../x")).isEqualTo(2);
        assertThat(err.toString()).contains("A backup label is");
    }
}
