package io.turnout.stack;

import io.turnout.plan.Journal;
import io.turnout.plan.JournalEntry;
import io.turnout.plan.JournalEntry.Event;
import io.turnout.plan.PlanLock;
import io.turnout.probe.ProbeReport;
import io.turnout.release.InterruptedRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:15:02.123Z");
    private static final String SHOP_YML = """
            name: shop
            router: { publicPort: 18080 }
            services:
              web: { image: turnout-fixture/app:v1, port: 8080, env: { GREETING: hello } }
            """;

    @TempDir
    Path root;

    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

    private LocalStateStore store() {
        return new LocalStateStore(root);
    }

    private StackRepository repo() {
        return new StackRepository(store(), "shop", clock);
    }

    // ---- definition and state -------------------------------------------------------------------

    @Test
    void specIsSavedAsTurnoutYmlAndReadBack() {
        StackRepository r = repo();
        assertThat(r.spec()).isEmpty();
        StackSpec spec = StackSpecs.parse(SHOP_YML);

        r.saveSpec(spec);

        assertThat(r.spec()).contains(spec);
        assertThat(root.resolve("shop/turnout.yml")).exists();
    }

    @Test
    void specOfAnotherStackIsRefused() {
        StackSpec other = StackSpecs.parse(SHOP_YML.replace("name: shop", "name: blog"));
        assertThatThrownBy(() -> repo().saveSpec(other)).hasMessage("The definition of stack 'blog' cannot be saved as stack 'shop'.");
    }

    @Test
    void stateIsEmptyUntilSavedThenRoundTripsWithReadableJson() throws Exception {
        StackRepository r = repo();
        assertThat(r.state()).isEqualTo(StackState.EMPTY);
        Release blue = release("20261123T101502123Z-web-blue-0001", Color.BLUE, "turnout-fixture/app:v1");
        Release green = release("20261123T101702123Z-web-green-0002", Color.GREEN, "turnout-fixture/app:v2");
        StackState state = StackState.EMPTY
                .with("web", new StackState.ServiceState(Color.GREEN, Map.of(Color.BLUE, blue, Color.GREEN, green)))
                .withReleaseInProgress("run-1");

        r.saveState(state);

        assertThat(r.state()).isEqualTo(state);
        String json = Files.readString(root.resolve("shop/state.json"));
        assertThat(json).contains("\"active\" : \"green\"").contains("\"blue\" : {").contains("\"at\" : \"2026-11-23T10:15:02.123Z\"");
    }

    @Test
    void damagedStateFileIsReportedWithItsPlace() throws Exception {
        Files.createDirectories(root.resolve("shop"));
        Files.writeString(root.resolve("shop/state.json"), "{ not json");

        assertThatThrownBy(() -> repo().state()).isInstanceOf(StateStoreException.class)
                .hasMessage("The file " + store().describe() + "/shop/state.json is damaged: not valid JSON at line 1, column 3.");
    }

    // ---- history ----------------------------------------------------------------------------------

    @Test
    void historyIsNewestFirstLimitedAndSurvivesATornLastLine() throws Exception {
        StackRepository r = repo();
        ProbeReport probe = new ProbeReport(100, 0, 0, Map.of("v1", 40L, "v2", 60L), 12, ProbeReport.Latency.NONE,
                ProbeReport.Latency.NONE, ProbeReport.Latency.NONE, 50.0, 2000, List.of());
        for (int i = 1; i <= 3; i++) {
            r.appendHistory(new HistoryEntry(T0.plusSeconds(i), "switch", "web", "rel-" + i, Color.BLUE, Color.GREEN,
                    "app:v1", "app:v2", "op@ws", "succeeded", "switch " + i, i == 3 ? probe : null));
        }
        Files.writeString(root.resolve("shop/history.jsonl"), "{\"at\":\"2026-11-23T10:1", java.nio.file.StandardOpenOption.APPEND);

        List<HistoryEntry> all = r.history(0);
        assertThat(all).extracting(HistoryEntry::releaseId).containsExactly("rel-3", "rel-2", "rel-1");
        assertThat(all.getFirst().probe()).isEqualTo(probe);
        assertThat(all.getFirst().toColor()).isEqualTo(Color.GREEN);
        assertThat(r.history(2)).extracting(HistoryEntry::releaseId).containsExactly("rel-3", "rel-2");
    }

    // ---- snapshots -------------------------------------------------------------------------------

    @Test
    void snapshotsAreListedNewestFirstAndPrunedKeepingProtectedOnes() {
        StackRepository r = repo();
        StackSpec.ServiceSpec web = StackSpecs.parse(SHOP_YML).service("web");
        for (int i = 1; i <= 5; i++) {
            r.saveSnapshot(new Snapshot(release("2026112" + i + "T000000000Z-web-blue-000" + i, Color.BLUE, "app:v" + i), web.withImage("app:v" + i)));
        }

        assertThat(r.snapshot("web", "20261123T000000000Z-web-blue-0003").orElseThrow().spec().image()).isEqualTo("app:v3");
        assertThat(r.snapshot("web", "nope")).isEmpty();
        assertThat(r.snapshots("web")).extracting(s -> s.release().image()).containsExactly("app:v5", "app:v4", "app:v3", "app:v2", "app:v1");

        List<String> deleted = r.pruneSnapshots("web", 2, Set.of("20261121T000000000Z-web-blue-0001"));

        assertThat(deleted).containsExactly("20261123T000000000Z-web-blue-0003", "20261122T000000000Z-web-blue-0002");
        assertThat(r.snapshotIds("web")).containsExactly("20261125T000000000Z-web-blue-0005", "20261124T000000000Z-web-blue-0004",
                "20261121T000000000Z-web-blue-0001");
        assertThat(r.snapshots("api")).isEmpty();
    }

    // ---- journals and interrupted runs -------------------------------------------------------------

    @Test
    void journalAppendsOneLinePerEntryAndListsRunsNewestFirst() throws Exception {
        StackRepository r = repo();
        Journal j = r.journal("20261123T101502123Z-web-green-0001");
        j.record(entry("20261123T101502123Z-web-green-0001", Event.PLAN_STARTED, -1, null));
        j.record(entry("20261123T101502123Z-web-green-0001", Event.STEP_STARTED, 0, "create-green"));
        r.journal("20261124T000000000Z-web-blue-0002").record(entry("20261124T000000000Z-web-blue-0002", Event.PLAN_STARTED, -1, null));

        assertThat(j.entries()).extracting(JournalEntry::event).containsExactly(Event.PLAN_STARTED, Event.STEP_STARTED);
        assertThat(j.entries().getFirst().params()).containsEntry("service", "web");
        assertThat(Files.readAllLines(root.resolve("shop/journal/20261123T101502123Z-web-green-0001.jsonl"))).hasSize(2);
        assertThat(r.journals()).containsExactly("20261124T000000000Z-web-blue-0002", "20261123T101502123Z-web-green-0001");
    }

    @Test
    void noJournalOrAFinishedRunIsNotInterrupted() {
        StackRepository r = repo();
        assertThat(r.interrupted()).isEmpty();

        run(r, "r1", Event.PLAN_STARTED, Event.STEP_STARTED, Event.STEP_DONE, Event.PLAN_SUCCEEDED);

        assertThat(r.interrupted()).isEmpty();
    }

    @Test
    void runStoppedInsideAStepIsInterruptedAtThatStep() {
        StackRepository r = repo();
        run(r, "r1", Event.PLAN_STARTED, Event.STEP_STARTED, Event.STEP_DONE, Event.STEP_STARTED);

        InterruptedRun run = r.interrupted().orElseThrow();

        assertThat(run.runId()).isEqualTo("r1");
        assertThat(run.kind()).isEqualTo("upgrade");
        assertThat(run.params()).containsEntry("service", "web").containsEntry("image", "app:v2");
        assertThat(run.lastStep()).isEqualTo(1);
        assertThat(run.lastStepId()).isEqualTo("step-1");
        assertThat(run.lastEntry().event()).isEqualTo(Event.STEP_STARTED);
        assertThat(run.sentence()).isEqualTo("Release r1 (upgrade) was interrupted at step 2 (step-1).");
    }

    @Test
    void runStoppedBetweenStepsIsInterruptedAtTheNextStep() {
        StackRepository r = repo();
        run(r, "r1", Event.PLAN_STARTED, Event.STEP_STARTED, Event.STEP_DONE, Event.STEP_STARTED, Event.STEP_DONE);

        InterruptedRun run = r.interrupted().orElseThrow();

        assertThat(run.lastStep()).isEqualTo(2);
        assertThat(run.lastStepId()).isEqualTo("after step-1");
    }

    @Test
    void aLaterRunRefusedByTheLockDoesNotHideTheInterruptedOne() {
        StackRepository r = repo();
        run(r, "r1", Event.PLAN_STARTED, Event.STEP_STARTED);
        run(r, "r2", Event.PLAN_STARTED, Event.PLAN_FAILED);

        assertThat(r.interrupted()).map(InterruptedRun::runId).contains("r1");
    }

    @Test
    void aLaterFinishedRunSupersedesTheInterruptedOne() {
        StackRepository r = repo();
        run(r, "r1", Event.PLAN_STARTED, Event.STEP_STARTED);
        run(r, "r2", Event.PLAN_STARTED, Event.STEP_STARTED, Event.STEP_DONE, Event.PLAN_SUCCEEDED);

        assertThat(r.interrupted()).isEmpty();
    }

    @Test
    void handledRunIsNoLongerOffered() {
        StackRepository r = repo();
        run(r, "r1", Event.PLAN_STARTED, Event.STEP_STARTED);

        r.markInterruptedHandled("r1", "op@ws");

        assertThat(r.interrupted()).isEmpty();
        assertThat(r.journals()).containsExactly("r1");
    }

    // ---- lock -----------------------------------------------------------------------------------

    @Test
    void lockIsTakenOnceAndNamesItsHolder() {
        StackRepository r = repo();
        assertThat(r.lock()).isEmpty();
        LockInfo mine = lockInfo("alice@ws1", "run-a", "upgrade web to app:v2");

        r.acquireLock(mine);

        assertThat(r.lock()).contains(mine);
        assertThatThrownBy(() -> repo().acquireLock(lockInfo("bob@ws2", "run-b", "switch web")))
                .isInstanceOf(LockHeldException.class)
                .hasMessageContaining("Stack 'shop' is locked by alice@ws1 (ws1, pid 42) since 2026-11-23T10:15:02.123Z: upgrade web to app:v2")
                .satisfies(e -> assertThat(((LockHeldException) e).holder()).isEqualTo(mine));
    }

    @Test
    void theSameRunTakesItsLockOver() {
        StackRepository r = repo();
        r.acquireLock(lockInfo("alice@ws1", "run-a", "upgrade web"));
        LockInfo resumed = new LockInfo("alice@ws3", "ws3", 7, "resume upgrade web", T0.plusSeconds(60), "run-a");

        repo().acquireLock(resumed);

        assertThat(r.lock()).contains(resumed);
    }

    @Test
    void releaseDeletesOnlyTheHoldersLock() {
        StackRepository r = repo();
        r.acquireLock(lockInfo("alice@ws1", "run-a", "upgrade web"));

        assertThat(r.releaseLock("run-b")).isFalse();
        assertThat(r.lock()).isPresent();
        assertThat(r.releaseLock("run-a")).isTrue();
        assertThat(r.lock()).isEmpty();
        assertThat(r.releaseLock("run-a")).isFalse();
    }

    @Test
    void forceReleaseRemovesAnyLockAndLeavesAHistoryEntry() {
        StackRepository r = repo();
        assertThat(r.forceReleaseLock("bob@ws2")).isEmpty();
        LockInfo alice = lockInfo("alice@ws1", "run-a", "upgrade web");
        r.acquireLock(alice);

        assertThat(r.forceReleaseLock("bob@ws2")).contains(alice);

        assertThat(r.lock()).isEmpty();
        HistoryEntry h = r.history(1).getFirst();
        assertThat(h.kind()).isEqualTo("lock-force-release");
        assertThat(h.who()).isEqualTo("bob@ws2");
        assertThat(h.releaseId()).isEqualTo("run-a");
        assertThat(h.detail()).contains("alice@ws1").contains("upgrade web");
        r.acquireLock(lockInfo("bob@ws2", "run-b", "switch web"));
    }

    @Test
    void damagedLockStillCountsAsHeldAndCanBeForceReleased() throws Exception {
        Files.createDirectories(root.resolve("shop"));
        Files.writeString(root.resolve("shop/lock"), "{ torn");
        StackRepository r = repo();

        assertThat(r.lock()).map(LockInfo::holder).contains("unknown");
        assertThatThrownBy(() -> r.acquireLock(lockInfo("bob@ws2", "run-b", "switch"))).isInstanceOf(LockHeldException.class);
        assertThat(r.forceReleaseLock("bob@ws2")).isPresent();
        r.acquireLock(lockInfo("bob@ws2", "run-b", "switch"));
    }

    @Test
    void planLockAcquiresForTheRunAndReleasesItsOwnLock() {
        StackRepository r = repo();
        PlanLock lock = r.planLock(LockInfos.here(clock, "template", null));

        lock.acquire("run-a", "upgrade web to app:v2");

        LockInfo held = r.lock().orElseThrow();
        assertThat(held.releaseId()).isEqualTo("run-a");
        assertThat(held.reason()).isEqualTo("upgrade web to app:v2");
        assertThat(held.holder()).isEqualTo(LockInfos.operator());
        assertThat(held.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(held.since()).isEqualTo(T0);
        assertThatThrownBy(() -> r.planLock(lockInfo("bob@ws2", null, "x")).acquire("run-b", "switch")).isInstanceOf(LockHeldException.class);
        lock.release();
        assertThat(r.lock()).isEmpty();
    }

    // ---- stacks, ids ------------------------------------------------------------------------------

    @Test
    void stacksListsStackDirectoriesAndDeleteAllRemovesOne() {
        repo().saveSpec(StackSpecs.parse(SHOP_YML));
        StackRepository blog = new StackRepository(store(), "blog", clock);
        blog.saveState(StackState.EMPTY.withMaintenance(true));
        store().write("README.txt", "not a stack");

        assertThat(StackRepository.stacks(store())).containsExactly("blog", "shop");
        repo().deleteAll();
        assertThat(StackRepository.stacks(store())).containsExactly("blog");
        assertThat(blog.state().maintenance()).isTrue();
    }

    @Test
    void removingDefinitionAndStateKeepsHistoryAndJournals() {
        StackRepository r = repo();
        r.saveSpec(StackSpecs.parse(SHOP_YML));
        r.saveState(StackState.EMPTY.withMaintenance(true));
        r.recordBootTime("web", java.time.Duration.ofMillis(2500));
        r.appendHistory(new HistoryEntry(clock.instant(), "apply", null, "run-1", null, null, null, null, "ann@ws1", "succeeded",
                "Apply", null));
        assertThat(r.bootTime("web")).contains(java.time.Duration.ofMillis(2500));

        r.removeDefinitionAndState();

        assertThat(r.spec()).isEmpty();
        assertThat(r.state()).isEqualTo(StackState.EMPTY);
        assertThat(r.bootTime("web")).isEmpty();
        assertThat(r.history(10)).extracting(HistoryEntry::kind).containsExactly("apply");
    }

    @Test
    void namesAndIdsThatCouldEscapeTheStackAreRefused() {
        assertThatThrownBy(() -> new StackRepository(store(), "../etc", clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> repo().journal("../lock")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> repo().snapshot("web", "a/b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void releaseIdsSortByTimeAndNameWhatWasReleased() {
        String id = ReleaseIds.next(clock, "web", Color.GREEN);
        String later = ReleaseIds.next(Clock.offset(clock, java.time.Duration.ofMillis(1)), "api", Color.BLUE);

        assertThat(id).matches("20261123T101502123Z-web-green-[0-9a-f]{4}");
        assertThat(later).isGreaterThan(id);
        assertThat(ReleaseIds.next(clock, "apply")).matches("20261123T101502123Z-apply-[0-9a-f]{4}");
    }

    // ---- fixtures ---------------------------------------------------------------------------------

    private static Release release(String id, Color color, String image) {
        return new Release(id, "web", color, image, "0123456789ab", "op@ws", T0);
    }

    private static LockInfo lockInfo(String holder, String releaseId, String reason) {
        return new LockInfo(holder, holder.substring(holder.indexOf('@') + 1), 42, reason, T0, releaseId);
    }

    private static JournalEntry entry(String runId, Event event, int step, String stepId) {
        Map<String, String> params = event == Event.PLAN_STARTED ? Map.of("service", "web", "image", "app:v2") : Map.of();
        return new JournalEntry(T0, runId, "upgrade", event, step, stepId, event.name(), params);
    }

    /** Records the events as a plan would: STEP_STARTED opens the next step, STEP_DONE closes the open one. */
    private static void run(StackRepository r, String runId, Event... events) {
        Journal j = r.journal(runId);
        int step = -1;
        for (Event e : events) {
            int index = switch (e) {
                case STEP_STARTED -> ++step;
                case STEP_DONE -> step;
                default -> -1;
            };
            j.record(entry(runId, e, index, index < 0 ? null : "step-" + index));
        }
    }
}
