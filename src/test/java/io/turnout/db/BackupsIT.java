package io.turnout.db;

import io.turnout.testing.ScratchDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackupsIT {

    @TempDir Path root;
    ScratchDatabase db;

    @BeforeEach
    void createDatabase() {
        db = ScratchDatabase.create("backup");
        db.execute("create table items (id bigint primary key, name text); insert into items select g, 'n' || g from generate_series(1, 500) g");
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private PgTools tools() {
        return new PgTools(DbConnector.direct(), db.url(), Map.of(), Duration.ofSeconds(60));
    }

    private long count() throws Exception {
        try (Connection c = db.open("check"); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from items")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aLabelledBackupRestoresTheDataItHad() throws Exception {
        Backups backups = new Backups(root, Clock.systemUTC(), 10);

        BackupInfo info = backups.backup(DbConnector.direct(), db.url(), "local", tools().dumpSource(), "before-v4");

        assertThat(info.size()).isPositive();
        assertThat(info.pgVersion()).startsWith("15");
        assertThat(info.url()).doesNotContain("turnout-sandbox");
        assertThat(info.dump(root)).exists();
        assertThat(Files.readString(root.resolve("local").resolve(db.url().database()).resolve(info.file() + ".json")))
                .contains("\"label\" : \"before-v4\"", "\"sha256\"").doesNotContain("turnout-sandbox");

        db.execute("delete from items where id > 10; create table extra (x int)");
        assertThat(count()).isEqualTo(10);

        tools().restore(backups.find("before-v4").dump(root));

        assertThat(count()).isEqualTo(500);
    }

    @Test
    void keepsTheNewestBackupsPerDatabase() {
        Instant t0 = Instant.parse("2026-11-23T10:00:00Z");
        for (int i = 0; i < 3; i++) {
            Backups b = new Backups(root, Clock.fixed(t0.plusSeconds(i), ZoneOffset.UTC), 2);
            b.backup(DbConnector.direct(), db.url(), "local", tools().dumpSource(), "b" + i);
        }

        assertThat(new Backups(root, Clock.systemUTC(), 2).list()).extracting(BackupInfo::label).containsExactly("b2", "b1");
        assertThat(root.resolve("local").resolve(db.url().database())).isDirectoryNotContaining("glob:**b0*");
    }

    @Test
    void refusesATamperedDumpAndAnUnknownLabel() throws Exception {
        Backups backups = new Backups(root, Clock.systemUTC(), 10);
        BackupInfo info = backups.backup(DbConnector.direct(), db.url(), "local", tools().dumpSource(), "x");
        Files.write(info.dump(root), new byte[]{1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);

        assertThatThrownBy(() -> backups.find("x")).isInstanceOf(DbException.class).hasMessageContaining("does not match its recorded sha256");
        assertThatThrownBy(() -> backups.find("nope")).hasMessageContaining("There is no backup labelled 'nope'");
        assertThatThrownBy(() -> backups.backup(DbConnector.direct(), db.url(), "local", tools().dumpSource(), "../etc"))
                .hasMessageStartingWith("A backup label is");
    }

    @Test
    void aFailingPgDumpIsOneSentenceWithoutThePassword() {
        DbUrl wrong = db.url().withDatabase("turnout_no_such_database");
        PgTools tools = new PgTools(DbConnector.direct(), wrong, Map.of(), Duration.ofSeconds(30));
        Path target = root.resolve("x.dump");

        assertThatThrownBy(() -> tools.dumpSource().dump(target))
                .isInstanceOf(DbException.class)
                .hasMessageStartingWith("pg_dump failed on jdbc:postgresql://")
                .hasMessageContaining("turnout_no_such_database")
                .hasMessageNotContaining("turnout-sandbox");
    }
}
