package io.turnout.plan;

import io.turnout.plan.JournalEntry.Event;
import io.turnout.plan.PlanResult.Status;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static io.turnout.plan.StepStatus.COMPENSATED;
import static io.turnout.plan.StepStatus.COMPENSATION_FAILED;
import static io.turnout.plan.StepStatus.DONE;
import static io.turnout.plan.StepStatus.FAILED;
import static io.turnout.plan.StepStatus.PENDING;
import static io.turnout.plan.TestStep.fail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The step lifecycle, journaling, compensation, point of no return, lock and roll back. */
class ExecutorTest {

    private final Trail trail = new Trail();
    private final Executor executor = new Executor(Clock.systemUTC());

    private Plan plan(Step... steps) {
        return new Plan("upgrade", "Upgrade shop/web", Map.of("service", "web"), List.of(steps));
    }

    @Test
    void runsStepsInOrderJournalingEachTransitionBeforeTellingTheListener() {
        Step a = TestStep.of("a", trail).onApply(ctx -> {
            ctx.log("hello");
            ctx.progress(0.5);
            ctx.detail("report");
        });
        PlanResult result = executor.run(plan(a, TestStep.of("b", trail)), trail.options("r1"));

        assertThat(result.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(result.error()).isNull();
        assertThat(result.steps()).containsExactly(DONE, DONE);
        assertThat(trail.events).containsExactly(
                "lock acquire", "journal PLAN_STARTED",
                "journal STEP_STARTED a", "started 0", "precheck a", "apply a", "log 0 hello", "progress 0 0.5",
                "detail 0 report", "verify a", "journal STEP_DONE a", "finished 0 DONE",
                "journal STEP_STARTED b", "started 1", "precheck b", "apply b", "verify b", "journal STEP_DONE b",
                "finished 1 DONE",
                "journal PLAN_SUCCEEDED", "plan SUCCEEDED", "lock release");
        assertThat(trail.journal.getFirst().params()).isEqualTo(Map.of("service", "web"));
        assertThat(trail.journal).allSatisfy(e -> {
            assertThat(e.runId()).isEqualTo("r1");
            assertThat(e.planKind()).isEqualTo("upgrade");
        });
        assertThat(trail.journal.get(1).params()).isEmpty();
        assertThat(trail.lockReason).isEqualTo("Upgrade shop/web");
    }

    @Test
    void failedApplyUndoesTheStepItselfAndEveryEarlierOneInReverse() {
        Plan p = plan(TestStep.of("a", trail), TestStep.of("b", trail),
                TestStep.of("c", trail).onApply(fail("port 8080 is taken.")), TestStep.of("d", trail));
        PlanResult result = executor.run(p, trail.options("r1"));

        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.failedStep()).isEqualTo(2);
        assertThat(result.steps()).containsExactly(COMPENSATED, COMPENSATED, COMPENSATED, PENDING);
        assertThat(result.error()).isEqualTo("Step 3 (Title c) failed: port 8080 is taken; undid steps 3, 2, 1.");
        assertThat(trail.matching(e -> e.startsWith("compensate") || e.endsWith(" d")))
                .containsExactly("compensate c", "compensate b", "compensate a");
        assertThat(trail.journalEvents()).containsExactly("PLAN_STARTED", "STEP_STARTED a", "STEP_DONE a",
                "STEP_STARTED b", "STEP_DONE b", "STEP_STARTED c", "STEP_FAILED c", "COMPENSATING",
                "STEP_COMPENSATED c", "STEP_COMPENSATED b", "STEP_COMPENSATED a", "PLAN_FAILED");
        assertThat(trail.journal.get(6).message()).isEqualTo("port 8080 is taken");
        assertThat(trail.journal.getLast().message()).isEqualTo(result.error());
        assertThat(trail.events).containsSubsequence("finished 2 FAILED port 8080 is taken",
                "log 2 Undoing: Title c", "compensate c", "finished 2 COMPENSATED", "finished 1 COMPENSATED",
                "finished 0 COMPENSATED", "plan FAILED", "lock release");
    }

    @Test
    void failedPrecheckChangedNothingSoOnlyEarlierStepsAreUndone() {
        Plan p = plan(TestStep.of("a", trail), TestStep.of("b", trail).onPrecheck(fail("image not found")));
        PlanResult result = executor.run(p, trail.options("r1"));

        assertThat(result.steps()).containsExactly(COMPENSATED, FAILED);
        assertThat(trail.matching(e -> e.startsWith("compensate") || e.startsWith("apply")))
                .containsExactly("apply a", "compensate a");
        assertThat(result.error()).isEqualTo("Step 2 (Title b) failed: image not found; undid step 1.");
    }

    @Test
    void failedPrecheckOfTheFirstStepSaysNothingChangedAndJournalsNoCompensation() {
        PlanResult result = executor.run(plan(TestStep.of("a", trail).onPrecheck(fail("no"))), trail.options("r1"));

        assertThat(result.error()).isEqualTo("Step 1 (Title a) failed: no; nothing had been changed.");
        assertThat(trail.journalEvents()).containsExactly("PLAN_STARTED", "STEP_STARTED a", "STEP_FAILED a", "PLAN_FAILED");
    }

    @Test
    void failedVerifyUndoesTheStep() {
        PlanResult result = executor.run(plan(TestStep.of("a", trail).onVerify(fail("still v1"))), trail.options("r1"));

        assertThat(result.steps()).containsExactly(COMPENSATED);
        assertThat(trail.matching(e -> e.startsWith("compensate"))).containsExactly("compensate a");
    }

    @Test
    void failingCompensationIsReportedAndEarlierStepsAreStillUndone() {
        Plan p = plan(TestStep.of("a", trail), TestStep.of("b", trail).onCompensate(fail("container gone")),
                TestStep.of("c", trail).onApply(fail("boom")));
        PlanResult result = executor.run(p, trail.options("r1"));

        assertThat(result.steps()).containsExactly(COMPENSATED, COMPENSATION_FAILED, COMPENSATED);
        assertThat(trail.matching(e -> e.startsWith("compensate"))).containsExactly("compensate c", "compensate b", "compensate a");
        assertThat(trail.journal).filteredOn(e -> e.event() == Event.COMPENSATION_FAILED).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo("container gone"));
        assertThat(result.error()).isEqualTo("Step 3 (Title c) failed: boom; undid steps 3, 1;"
                + " could not undo step 2 (Title b): container gone (check by hand).");
    }

    @Test
    void resumingAtALaterStepStillUndoesTheStepsBeforeIt() {
        Plan p = plan(TestStep.of("a", trail), TestStep.of("b", trail), TestStep.of("c", trail).onApply(fail("boom")));
        PlanResult result = executor.run(p, trail.options("r1").withStartAt(2));

        assertThat(trail.matching(e -> e.startsWith("apply") || e.startsWith("compensate")))
                .containsExactly("apply c", "compensate c", "compensate b", "compensate a");
        assertThat(result.steps()).containsExactly(COMPENSATED, COMPENSATED, COMPENSATED);
    }

    @Test
    void resumingSkipsTheStepsAlreadyDone() {
        Plan p = plan(TestStep.of("a", trail), TestStep.of("b", trail));
        PlanResult result = executor.run(p, trail.options("r1").withStartAt(1));

        assertThat(result.steps()).containsExactly(DONE, DONE);
        assertThat(trail.matching(e -> e.startsWith("apply"))).containsExactly("apply b");
    }

    @Test
    void failureAfterThePointOfNoReturnUndoesOnlyTheStepsAfterIt() {
        Plan p = plan(TestStep.of("a", trail), TestStep.of("b", trail).markedPointOfNoReturn(), TestStep.of("c", trail),
                TestStep.of("d", trail).onApply(fail("502")));
        PlanResult result = executor.run(p, trail.options("r1"));

        assertThat(trail.matching(e -> e.startsWith("compensate"))).containsExactly("compensate d", "compensate c");
        assertThat(result.steps()).containsExactly(DONE, DONE, COMPENSATED, COMPENSATED);
        assertThat(result.error()).isEqualTo("Step 4 (Title d) failed: 502; it came after the point of no return at"
                + " step 2 (Title b), undid steps 4, 3 and kept step 2 and earlier.");
    }

    @Test
    void failureRightAfterThePointOfNoReturnUndoesNothing() {
        Plan p = plan(TestStep.of("a", trail), TestStep.of("b", trail).markedPointOfNoReturn(),
                TestStep.of("c", trail).onPrecheck(fail("502")));
        PlanResult result = executor.run(p, trail.options("r1"));

        assertThat(trail.matching(e -> e.startsWith("compensate"))).isEmpty();
        assertThat(trail.journalEvents()).doesNotContain("COMPENSATING").endsWith("STEP_FAILED c", "PLAN_FAILED");
        assertThat(result.error()).isEqualTo("Step 3 (Title c) failed: 502; it came after the point of no return at step 2 (Title b),"
                        + " so nothing was undone.");
    }

    @Test
    void aPointOfNoReturnStepThatFailsIsStillUndone() {
        Plan p = plan(TestStep.of("a", trail), TestStep.of("b", trail).markedPointOfNoReturn().onApply(fail("rm failed")));
        executor.run(p, trail.options("r1"));

        assertThat(trail.matching(e -> e.startsWith("compensate"))).containsExactly("compensate b", "compensate a");
    }

    @Test
    void lockRefusalAppliesAndJournalsNothing() {
        PlanLock held = new PlanLock() {
            @Override
            public void acquire(String runId, String reason) {
                throw new IllegalStateException("Stack 'shop' is locked by ann@ws1 since 10:02: upgrade web.");
            }

            @Override
            public void release() {
                trail.events.add("lock release");
            }
        };
        PlanResult result = executor.run(plan(TestStep.of("a", trail)), trail.options("r1").withLock(held));

        assertThat(result.status()).isEqualTo(Status.REFUSED);
        assertThat(result.error()).isEqualTo("Stack 'shop' is locked by ann@ws1 since 10:02: upgrade web.");
        assertThat(result.steps()).containsExactly(PENDING);
        assertThat(trail.journal).isEmpty();
        assertThat(trail.events).containsExactly("plan REFUSED");
    }

    @Test
    void lockIsReleasedWhenAStepThrowsAnError() {
        Plan p = plan(TestStep.of("a", trail).onApply(ctx -> {
            throw new AssertionError("bug");
        }));
        assertThatThrownBy(() -> executor.run(p, trail.options("r1"))).isInstanceOf(AssertionError.class);
        assertThat(trail.acquired).isEqualTo(1);
        assertThat(trail.released).isEqualTo(1);
    }

    @Test
    void lockIsReleasedWhenTheJournalCannotStart() {
        Journal broken = new Journal() {
            @Override
            public void record(JournalEntry entry) {
                throw new IllegalStateException("sftp: permission denied");
            }

            @Override
            public List<JournalEntry> entries() {
                return List.of();
            }
        };
        PlanResult result = executor.run(plan(TestStep.of("a", trail)), trail.options("r1").withJournal(broken));

        assertThat(result.error()).isEqualTo("Could not write the journal: sftp: permission denied; nothing was changed.");
        assertThat(trail.matching(e -> e.startsWith("apply"))).isEmpty();
        assertThat(trail.acquired).isEqualTo(1);
        assertThat(trail.released).isEqualTo(1);
    }

    @Test
    void aThrowingListenerDoesNotStopTheRun() {
        PlanListener broken = new PlanListener() {
            @Override
            public void stepStarted(int index, Step step) {
                throw new IllegalStateException("ui bug");
            }
        };
        PlanResult result = executor.run(plan(TestStep.of("a", trail)), trail.options("r1").withListener(broken));

        assertThat(result.succeeded()).isTrue();
    }

    @Test
    void rollBackUndoesAnInterruptedRunAndClosesItsJournal() {
        Plan p = plan(TestStep.of("a", trail), TestStep.of("b", trail), TestStep.of("c", trail), TestStep.of("d", trail));
        PlanResult result = executor.rollBack(p, trail.options("r1"), 2);

        assertThat(trail.events).containsExactly("lock acquire", "journal COMPENSATING",
                "log 2 Undoing: Title c", "compensate c", "journal STEP_COMPENSATED c", "finished 2 COMPENSATED",
                "log 1 Undoing: Title b", "compensate b", "journal STEP_COMPENSATED b", "finished 1 COMPENSATED",
                "log 0 Undoing: Title a", "compensate a", "journal STEP_COMPENSATED a", "finished 0 COMPENSATED",
                "journal PLAN_ABORTED", "plan ABORTED", "lock release");
        assertThat(result.status()).isEqualTo(Status.ABORTED);
        assertThat(result.steps()).containsExactly(COMPENSATED, COMPENSATED, COMPENSATED, PENDING);
        assertThat(result.error()).isEqualTo("Rolled back the interrupted run from step 3 (Title c); undid steps 3, 2, 1.");
        assertThat(trail.lockReason).isEqualTo("Roll back: Upgrade shop/web");
    }

    @Test
    void rollBackStopsAtAPointOfNoReturnAndReportsFailedUndos() {
        Plan p = plan(TestStep.of("a", trail).markedPointOfNoReturn(), TestStep.of("b", trail).onCompensate(fail("gone")),
                TestStep.of("c", trail));
        PlanResult result = executor.rollBack(p, trail.options("r1"), 2);

        assertThat(trail.matching(e -> e.startsWith("compensate"))).containsExactly("compensate c", "compensate b");
        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(trail.journalEvents()).endsWith("PLAN_FAILED");
    }
}
