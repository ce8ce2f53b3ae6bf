package io.turnout.release;

import io.turnout.connect.DefaultHostConnector;
import io.turnout.db.Backups;
import io.turnout.db.DbConnector;
import io.turnout.db.PgTools;
import io.turnout.migrate.ClassifyOptions;
import io.turnout.migrate.MigrationClass;
import io.turnout.migrate.MigrationPlans;
import io.turnout.migrate.MigrationRequest;
import io.turnout.migrate.MigrationTarget;
import io.turnout.migrate.RuleClassifier;
import io.turnout.testing.ScratchDatabase;
import io.turnout.plan.PlanListener;
import io.turnout.plan.PlanResult;
import io.turnout.plan.RunOptions;
import io.turnout.testing.Poll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A maintenance-type migration on a real stack: the database is reached through the host's SSH
 * tunnel, the stack's HAProxy router serves 503 while Flyway migrates and 200 again afterwards.
 */
class MaintenanceMigrationIT {

    @TempDir Path folder;
    @TempDir Path backups;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void maintenanceTypePutsTheRouterInMaintenanceWhileFlywayMigrates() throws Exception {
        // V1 sleeps so the migrate step lasts long enough to be observed from outside; the test waits on the log, not a clock.
        Files.writeString(folder.resolve("V1__slow_rewrite.sql"), "create table items (id bigint primary key, name text);\n"
                + "select pg_sleep(3);\n"
                + "alter table items alter column id type text;\n");
        try (ScratchDatabase db = ScratchDatabase.create("maint"); StackFixture stack = new StackFixture().applied("haproxy")) {
            assertThat(HttpCheck.get(stack.publicAddress(), "/version", null, Duration.ofSeconds(3)).status()).isEqualTo(200);
            DbConnector tunnel = DbConnector.through(DefaultHostConnector.sshOf(stack.host).orElseThrow());
            PgTools tools = new PgTools(tunnel, db.url(), Map.of(), Duration.ofSeconds(60));
            MigrationTarget target = new MigrationTarget(tunnel, db.url(), stack.host.target().label(), tools.dumpSource(), tools,
                    stack.ops.planMaintenance(true).steps().getFirst(), stack.ops.planMaintenance(false).steps().getFirst(), stack.name);
            MigrationPlans plans = new MigrationPlans(RuleClassifier::new, ClassifyOptions.postgres(15), new Backups(backups, Clock.systemUTC(), 3),
                    Clock.systemUTC());
            MigrationPlans.Preview preview = plans.plan(target, new MigrationRequest(folder, MigrationClass.MAINTENANCE, Duration.ofSeconds(5),
                    Duration.ofSeconds(60), "before-maint", false));
            assertThat(preview.plan().steps()).extracting(s -> s.id())
                    .containsExactly("classify", "flyway-validate", "backup", "maintenance-on", "migrate", "maintenance-off", "verify");

            List<String> log = new CopyOnWriteArrayList<>();
            PlanListener listener = new PlanListener() {
                @Override public void log(int index, String line) { log.add(line); }
            };
            CompletableFuture<PlanResult> run = CompletableFuture.supplyAsync(() ->
                    stack.ops.execute(preview.plan(), RunOptions.simple("it").withListener(listener)));

            Poll.until(Duration.ofSeconds(60), "Flyway applying V1", () -> log.contains("Applying V1__slow_rewrite.sql"));
            int during = HttpCheck.get(stack.publicAddress(), "/version", null, Duration.ofSeconds(3)).status();
            boolean stillMigrating = !log.contains("Applied V1__slow_rewrite.sql");
            PlanResult result = run.get(120, TimeUnit.SECONDS);

            assertThat(result.succeeded()).as(result.error()).isTrue();
            assertThat(stillMigrating).as("the public request was made while V1 ran").isTrue();
            assertThat(during).isEqualTo(503);
            assertThat(HttpCheck.get(stack.publicAddress(), "/version", null, Duration.ofSeconds(3)).status()).isEqualTo(200);
            assertThat(new Backups(backups, Clock.systemUTC(), 3).list()).singleElement()
                    .satisfies(b -> assertThat(b.host()).isEqualTo(stack.host.target().label()));
        }
    }
}
