package io.turnout.migrate;

import io.turnout.testing.ScratchDatabase;
import io.turnout.db.DbConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlywayRunnerIT {

    @TempDir Path folder;
    ScratchDatabase db;

    @BeforeEach
    void createDatabase() {
        db = ScratchDatabase.create("flyway");
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private FlywayRunner runner() {
        return new FlywayRunner(DbConnector.direct(), db.url(), FlywaySettings.of(folder)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(30)).withApplicationName("turnout-migrate-" + db.url().database()));
    }

    private void file(String name, String sql) throws IOException {
        Files.writeString(folder.resolve(name), sql);
    }

    static void threeMigrations(Path folder) throws IOException {
        Files.writeString(folder.resolve("V1__create_items.sql"), "create table items (id bigint primary key, name text);\n"
                + "insert into items select g, 'item ' || g from generate_series(1, 100) g;\n");
        Files.writeString(folder.resolve("V2__index_name.sql"), "create index concurrently items_name_idx on items (name);\n");
        Files.writeString(folder.resolve("V3__add_price.sql"), "alter table items add column price numeric;\n");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // with Flyway's default transactional lock, V2 would hang forever
    void appliesAFolderWithCreateIndexConcurrentlyWithoutHanging() throws Exception {
        threeMigrations(folder);
        file("U3__add_price.sql", "alter table items drop column price;\n");
        FlywayRunner flyway = runner();
        ch.qos.logback.classic.Logger flywayLog = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.flywaydb");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged = new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        flywayLog.addAppender(logged);
        flywayLog.setLevel(ch.qos.logback.classic.Level.DEBUG);

        assertThat(flyway.pending()).extracting(MigrationRow::version).containsExactly("1", "2", "3");
        List<String> progress = new CopyOnWriteArrayList<>();
        try {
            assertThat(flyway.migrate(progress::add)).containsExactly("1", "2", "3");
        } finally {
            flywayLog.detachAppender(logged);
            flywayLog.setLevel(null);
        }

        assertThat(logged.list).as("Flyway logs through SLF4J").isNotEmpty()
                .noneSatisfy(e -> assertThat(e.getFormattedMessage()).contains("password=turnout-sandbox"));
        assertThat(logged.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("Successfully applied 3 migrations"));

        assertThat(progress).contains("Applying V2__index_name.sql", "Applied V2__index_name.sql");
        assertThat(flyway.info()).extracting(MigrationRow::state).containsOnly("success");
        assertThat(flyway.undoFiles()).containsExactly("U3__add_price.sql");
        assertThat(flyway.validate(true)).isEmpty();
        try (Connection c = db.open("check"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select indisvalid from pg_index where indexrelid = 'items_name_idx'::regclass")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).isTrue();
        }
    }

    @Test
    void aFailedNonTransactionalMigrationStaysInTheHistoryUntilRepaired() throws Exception {
        threeMigrations(folder);
        file("V4__bad_index.sql", "create index concurrently missing_idx on no_such_table (x);\n");
        FlywayRunner flyway = runner();

        assertThatThrownBy(() -> flyway.migrate(line -> { }))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("no_such_table")
                .hasMessageNotContaining("turnout-sandbox");
        assertThat(flyway.info()).filteredOn(r -> "4".equals(r.version())).singleElement()
                .satisfies(r -> assertThat(r.failed()).as(r.state()).isTrue());
        assertThat(flyway.validate(false)).isNotEmpty();

        assertThat(flyway.repair()).anySatisfy(a -> assertThat(a).contains("V4"));
        assertThat(flyway.info()).filteredOn(r -> "4".equals(r.version())).singleElement()
                .satisfies(r -> assertThat(r.pending()).as(r.state()).isTrue());
    }

    @Test
    void baselinesANonEmptySchemaSoOnlyLaterMigrationsRun() throws Exception {
        db.execute("create table items (id bigint primary key, name text)");
        threeMigrations(folder);
        FlywayRunner flyway = runner();

        flyway.baseline("2");

        assertThat(flyway.migrate(l -> { })).containsExactly("3");
        assertThat(flyway.info()).extracting(MigrationRow::state).contains("baseline", "success");
    }

    @Test
    void aMigrationBlockedByAnotherSessionFailsAfterLockTimeoutAndTheSamplerNamesTheBlocker() throws Exception {
        file("V1__items.sql", "create table items (id bigint primary key);\n");
        FlywayRunner flyway = runner();
        flyway.migrate(l -> { });
        file("V2__add_column.sql", "alter table items add column name text;\n");
        List<LockWaits> samples = new CopyOnWriteArrayList<>();
        try (Connection holder = db.open("turnout-test-blocker")) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.execute("select * from items"); // ACCESS SHARE, held until rollback: ALTER TABLE must wait
            }
            try (LockWaitSampler sampler = LockWaitSampler.start(DbConnector.direct(), db.url(), flyway.settings().applicationName(),
                    Clock.systemUTC(), Duration.ofMillis(200), samples::add)) {
                assertThatThrownBy(() -> flyway.migrate(l -> { }))
                        .isInstanceOf(MigrationException.class)
                        .hasMessageContaining("lock timeout");
            }
            holder.rollback();
        }
        List<LockWaits.Wait> waits = new ArrayList<>();
        samples.forEach(s -> waits.addAll(s.waits()));
        assertThat(waits).anySatisfy(w -> {
            assertThat(w.migrationWaits()).isTrue();
            assertThat(w.blockerApplications()).contains("turnout-test-blocker");
            assertThat(w.describe()).contains("turnout-test-blocker");
        });
    }
}
