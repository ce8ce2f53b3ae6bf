package io.turnout.migrate;

import io.turnout.testing.ScratchDatabase;
import io.turnout.db.BackupInfo;
import io.turnout.db.Backups;
import io.turnout.db.DbConnector;
import io.turnout.db.PgTools;
import io.turnout.plan.Executor;
import io.turnout.plan.PlanListener;
import io.turnout.plan.PlanResult;
import io.turnout.plan.RunOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The migration plan run by the one Executor against a database of its own on the sandbox PostgreSQL. */
class MigrationPlansIT {

    @TempDir Path folder;
    @TempDir Path backupRoot;
    ScratchDatabase db;
    final List<String> log = new CopyOnWriteArrayList<>();
    final List<Object> details = new CopyOnWriteArrayList<>();

    @BeforeEach
    void createDatabase() {
        db = ScratchDatabase.create("plan");
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private MigrationTarget target() {
        PgTools tools = new PgTools(DbConnector.direct(), db.url(), Map.of(), Duration.ofSeconds(60));
        return new MigrationTarget(DbConnector.direct(), db.url(), "local", tools.dumpSource(), tools, null, null, null);
    }

    private MigrationPlans.Preview plan(MigrationClass type, boolean restoreOnFailure, String label) {
        MigrationPlans plans = new MigrationPlans(RuleClassifier::new, ClassifyOptions.postgres(15),
                new Backups(backupRoot, Clock.systemUTC(), 10), Clock.systemUTC());
        return plans.plan(target(), new MigrationRequest(folder, type, Duration.ofSeconds(2), Duration.ofSeconds(60), label, restoreOnFailure));
    }

    private PlanResult run(MigrationPlans.Preview p) {
        PlanListener listener = new PlanListener() {
            @Override public void log(int index, String line) { log.add(line); }
            @Override public void detail(int index, Object detail) { details.add(detail); }
        };
        return new Executor(Clock.systemUTC()).run(p.plan(), RunOptions.simple(p.plan().params().get("runId")).withListener(listener));
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.open("check"); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private FlywayRunner flyway() {
        return new FlywayRunner(DbConnector.direct(), db.url(), FlywaySettings.of(folder));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void appliesV1ToV3WithABackupFirstThenAFailingV4FailsTheRunAndNamesTheBackup() throws Exception {
        FlywayRunnerIT.threeMigrations(folder);

        MigrationPlans.Preview first = plan(MigrationClass.RISKY, false, "before-v1");
        assertThat(first.pending()).hasSize(3);
        assertThat(first.plan().steps()).extracting(s -> s.id())
                .containsExactly("classify", "flyway-validate", "backup", "migrate", "verify");
        PlanResult ok = run(first);
        assertThat(ok.succeeded()).as(ok.error()).isTrue();
        assertThat(count("select count(*) from items")).isEqualTo(100);
        assertThat(details).anySatisfy(d -> assertThat(d).isInstanceOf(LockWaits.class));

        Files.writeString(folder.resolve("V4__broken.sql"), "update items set name = 'gone';\nselec 1;\n");
        PlanResult failed = run(plan(MigrationClass.RISKY, false, "before-v4"));

        assertThat(failed.status()).isEqualTo(PlanResult.Status.FAILED);
        assertThat(failed.error()).contains("V4").contains("turnout db restore --backup before-v4");
        assertThat(new Backups(backupRoot, Clock.systemUTC(), 10).list()).extracting(BackupInfo::label).contains("before-v4", "before-v1");
        assertThat(flyway().info()).filteredOn(r -> "4".equals(r.version())).singleElement()
                .satisfies(r -> assertThat(r.state()).isNotEqualTo("success"));
        assertThat(count("select count(*) from items where name = 'gone'")).as("PostgreSQL rolled V4 back").isZero();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aFailedNonTransactionalMigrationIsRestoredFromTheBackupWhenAsked() throws Exception {
        FlywayRunnerIT.threeMigrations(folder);
        assertThat(run(plan(MigrationClass.RISKY, false, "first")).succeeded()).isTrue();
        Files.writeString(folder.resolve("V4__purge.sql"), "delete from items where id > 10;\nselec 1;\n");
        Files.writeString(folder.resolve("V4__purge.sql.conf"), "executeInTransaction=false\n");

        PlanResult failed = run(plan(MigrationClass.RISKY,
                true, "before-purge"));

        assertThat(failed.status()).isEqualTo(PlanResult.Status.FAILED);
        assertThat(log).anySatisfy(l -> assertThat(l).contains("Restored " + db.url().database()));
        assertThat(count("select count(*) from items")).as("the backup brought the purged rows back").isEqualTo(100);
        assertThat(flyway().info()).filteredOn(r -> "4".equals(r.version())).singleElement()
                .satisfies(r -> assertThat(r.pending()).as(r.state()).isTrue());
    }

    @Test
    void typeSafeRefusesAMaintenanceClassFileNamingTheStatementAndChangesNothing() throws Exception {
        Files.writeString(folder.resolve("V1__create.sql"), "create table items (id bigint primary key, name text);\n");
        assertThat(run(plan(MigrationClass.SAFE, false, "b1")).succeeded()).isTrue();
        Files.writeString(folder.resolve("V2__retype.sql"), "alter table items alter column id type text;\n");

        MigrationPlans.Preview p = plan(MigrationClass.SAFE, false, "b2");
        assertThat(p.refusals()).singleElement().satisfies(r -> assertThat(r).contains("V2__retype.sql:1"));
        PlanResult refused = run(p);

        assertThat(refused.status()).isEqualTo(PlanResult.Status.FAILED);
        assertThat(refused.failedStep()).isZero();
        assertThat(refused.error()).contains("Refused: 1 statement(s) are above --type safe", "V2__retype.sql:1 ALTER_COLUMN_TYPE is maintenance")
                .doesNotContain("undid");
        assertThat(flyway().pending()).extracting(MigrationRow::version).containsExactly("2");
        assertThat(new Backups(backupRoot, Clock.systemUTC(), 10).list()).extracting(BackupInfo::label).containsExactly("b1");
    }

    @Test
    void maintenanceTypeWithoutAStackRouterIsRefusedWhenPlanning() {
        assertThatThrownBy(() -> plan(MigrationClass.MAINTENANCE, false, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A maintenance run puts the stack's router in maintenance mode")
                .hasMessageContaining("turnout migrate run --host H --stack S");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aMigrationBlockedPastLockTimeoutFailsAndNamesTheBlockingSession() throws Exception {
        Files.writeString(folder.resolve("V1__create.sql"), "create table items (id bigint primary key);\n");
        assertThat(run(plan(MigrationClass.RISKY, false, "b1")).succeeded()).isTrue();
        Files.writeString(folder.resolve("V2__add.sql"), "alter table items add column name text;\n");
        MigrationPlans.Preview p = plan(MigrationClass.RISKY, false, "b2");
        PlanResult result;
        try (Connection holder = db.open("turnout-test-holder")) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.execute("lock table items in access share mode");
            }
            result = run(p);
            holder.rollback();
        }
        assertThat(result.status()).isEqualTo(PlanResult.Status.FAILED);
        assertThat(result.error()).contains("lock timeout");
        assertThat(log).anySatisfy(l -> assertThat(l).startsWith("Lock wait: The migration").contains("turnout-test-holder"));
    }
}
