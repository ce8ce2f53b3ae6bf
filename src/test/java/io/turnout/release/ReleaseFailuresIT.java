package io.turnout.release;

import io.turnout.docker.DockerHost;
import io.turnout.plan.JournalEntry;
import io.turnout.plan.PlanResult;
import io.turnout.plan.RunOptions;
import io.turnout.stack.Color;
import io.turnout.stack.HistoryEntry;
import io.turnout.stack.LockHeldException;
import io.turnout.stack.StackRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** What must not go wrong, on the real sandbox: failed gates, concurrent operators, maintenance, cleanup + rollback. */
class ReleaseFailuresIT {

    @TempDir
    Path profiles;

    private static UpgradeRequest upgrade(String image, Duration timeout, boolean autoSwitch, boolean autoCleanup) {
        return new UpgradeRequest(null, image, timeout, null, autoSwitch, autoCleanup, false);
    }

    @Test
    void brokenImageNeverPassesTheGateAndLeavesBlueServing() {
        try (StackFixture f = new StackFixture().applied("haproxy")) {
            var plan = f.ops.planUpgrade(upgrade("turnout-fixture/app:broken", Duration.ofSeconds(6), true, false));
            PlanResult r = f.ops.execute(plan, RunOptions.simple("it"));

            assertThat(r.status()).isEqualTo(PlanResult.Status.FAILED);
            assertThat(r.error()).contains("did not become healthy within 6 s");
            assertThat(f.servedVersion()).isEqualTo("v1");
            StackStatus s = f.ops.status();
            assertThat(s.services().getFirst().active()).isEqualTo(Color.BLUE);
            assertThat(s.services().getFirst().colors()).doesNotContainKey(Color.GREEN);
            assertThat(s.lock()).isEmpty();
            List<JournalEntry> journal = new StackRepository(io.turnout.connect.StackHosts.of(f.host).store(), f.name,
                    Clock.systemUTC()).journal(r.runId()).entries();
            assertThat(journal.getLast().event()).isEqualTo(JournalEntry.Event.PLAN_FAILED);
            assertThat(journal).extracting(JournalEntry::event).contains(JournalEntry.Event.STEP_COMPENSATED);
            HistoryEntry h = f.ops.history(1).getFirst();
            assertThat(h.kind()).isEqualTo("upgrade");
            assertThat(h.result()).isEqualTo("failed");
        }
    }

    @Test
    void aMissingImageIsPulledFromTheHostsRegistryBeforeAnythingStarts() {
        String image = io.turnout.testing.Sandbox.registryImage();
        try (StackFixture f = new StackFixture().applied("haproxy")) {
            removeImage(f, image);
            PlanResult r = f.ops.execute(f.ops.planUpgrade(upgrade(image, null, true, false)), RunOptions.simple("it"));
            assertThat(r.succeeded()).as(r.error()).isTrue();
            assertThat(f.servedVersion()).as("the pushed image is app:v2").isEqualTo("v2");
        } finally {
            try (StackFixture cleanup = new StackFixture()) {
                removeImage(cleanup, image); // the next run pulls again
            }
        }
    }

    @Test
    void anImageThatCannotBePulledStopsTheReleaseInPreflight() {
        String missing = io.turnout.testing.Sandbox.registryImage().replace(":pulled", ":missing");
        try (StackFixture f = new StackFixture().applied("haproxy")) {
            PlanResult r = f.ops.execute(f.ops.planUpgrade(upgrade(missing, null, true, false)), RunOptions.simple("it"));
            assertThat(r.status()).isEqualTo(PlanResult.Status.FAILED);
            assertThat(r.failedStep()).as("preflight").isZero();
            assertThat(r.error()).contains("cannot be pulled");
            assertThat(f.ops.status().services().getFirst().colors()).containsOnlyKeys(Color.BLUE);
            assertThat(f.servedVersion()).isEqualTo("v1");
        }
    }

    private static void removeImage(StackFixture f, String image) {
        var docker = io.turnout.connect.DefaultHostConnector.engineOf(f.host).api();
        try {
            docker.removeImageCmd(image).withForce(true).exec();
        } catch (com.github.dockerjava.api.exception.NotFoundException e) {
            // not there: what the test wants
        } catch (com.github.dockerjava.api.exception.ConflictException e) {
            // still used by a container of a stack being removed; the next removal gets it
        }
    }

    @Test
    void slowImagePassesTheGateAfterItsBootTime() {
        try (StackFixture f = new StackFixture().applied("haproxy")) {
            PlanResult r = f.ops.execute(f.ops.planUpgrade(upgrade("turnout-fixture/app:slow", Duration.ofSeconds(40), true, false)),
                    RunOptions.simple("it"));
            assertThat(r.succeeded()).as(r.error()).isTrue();
            assertThat(f.servedVersion()).isEqualTo("slow");
        }
    }

    @Test
    void twoConcurrentUpgradesOfOneStackExactlyOneProceeds() throws Exception {
        try (StackFixture f = new StackFixture().applied("haproxy");
             DockerHost otherHost = StackFixture.openHost(profiles)) {
            DockerStackOperations other = f.secondConsole(otherHost);
            var planA = f.ops.planUpgrade(upgrade("turnout-fixture/app:v2", null, true, false));
            var planB = other.planUpgrade(upgrade("turnout-fixture/app:v2", null, true, false));
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<String>> outcomes = new ArrayList<>();
            for (var pair : List.of(java.util.Map.entry(f.ops, planA), java.util.Map.entry(other, planB))) {
                outcomes.add(pool.submit(() -> {
                    go.await();
                    try {
                        PlanResult r = pair.getKey().execute(pair.getValue(), RunOptions.simple("it"));
                        return r.succeeded() ? "succeeded" : "failed: " + r.error();
                    } catch (LockHeldException e) {
                        return "refused: " + e.getMessage();
                    }
                }));
            }
            go.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> o : outcomes) {
                results.add(o.get());
            }
            pool.shutdown();
            assertThat(results).as("%s", results).filteredOn(s -> s.equals("succeeded")).hasSize(1);
            assertThat(results).as("%s", results).filteredOn(s -> s.contains("is locked by")).hasSize(1);
            assertThat(f.servedVersion()).isEqualTo("v2");
        }
    }

    @Test
    void maintenanceServesThe503PageUntilTurnedOff() {
        try (StackFixture f = new StackFixture().applied("haproxy")) {
            assertThat(f.ops.execute(f.ops.planMaintenance(true), RunOptions.simple("it")).succeeded()).isTrue();
            HttpCheck during = HttpCheck.get(f.publicAddress(), "/", null, Duration.ofSeconds(3));
            assertThat(during.status()).isEqualTo(503);
            assertThat(f.ops.status().maintenance()).isTrue();
            assertThat(f.ops.execute(f.ops.planMaintenance(false), RunOptions.simple("it")).succeeded()).isTrue();
            assertThat(f.servedVersion()).isEqualTo("v1");
        }
    }

    @Test
    void rollbackAfterCleanupRecreatesTheOldColorFromItsSnapshot() {
        try (StackFixture f = new StackFixture().applied("haproxy")) {
            PlanResult up = f.ops.execute(f.ops.planUpgrade(upgrade("turnout-fixture/app:v2", null, true, true)), RunOptions.simple("it"));
            assertThat(up.succeeded()).as(up.error()).isTrue();
            assertThat(f.ops.status().services().getFirst().colors()).containsOnlyKeys(Color.GREEN);

            var rollback = f.ops.planRollback(null);
            assertThat(rollback.steps()).extracting(s -> s.id()).startsWith("start-web-blue", "health-web-blue");
            PlanResult back = f.ops.execute(rollback, RunOptions.simple("it"));
            assertThat(back.succeeded()).as(back.error()).isTrue();
            assertThat(f.servedVersion()).isEqualTo("v1");
            assertThat(f.ops.status().services().getFirst().active()).isEqualTo(Color.BLUE);
        }
    }

    @Test
    void applyingTheSameDefinitionAgainChangesNothingThatRuns() {
        try (StackFixture f = new StackFixture().applied("haproxy")) {
            String blueId = f.ops.status().services().getFirst().colors().get(Color.BLUE).release().id();
            PlanResult again = f.ops.execute(f.ops.planApply(f.spec("haproxy")), RunOptions.simple("it"));
            assertThat(again.succeeded()).as(again.error()).isTrue();
            assertThat(f.ops.status().services().getFirst().colors().get(Color.BLUE).release().id()).isEqualTo(blueId);
            assertThat(f.servedVersion()).isEqualTo("v1");
        }
    }
}
