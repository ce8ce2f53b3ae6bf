package io.turnout.plan;

import io.turnout.plan.PlanResult.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static io.turnout.plan.StepStatus.COMPENSATED;
import static io.turnout.plan.StepStatus.DONE;
import static io.turnout.plan.StepStatus.PENDING;
import static io.turnout.plan.StepStatus.SKIPPED;
import static org.assertj.core.api.Assertions.assertThat;

/** Pause, resume, abort (also from another thread and by interrupt) and confirmation gates. */
class ExecutorControlTest {

    private final Trail trail = new Trail();
    private final Executor executor = new Executor(Clock.systemUTC());
    private final ExecutionControl control = new ExecutionControl();
    private final ExecutorService runner = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopRunner() {
        runner.shutdownNow();
    }

    private Plan plan(Step... steps) {
        return new Plan("switch", "Switch shop/web to green", Map.of(), List.of(steps));
    }

    private CompletableFuture<PlanResult> runInBackground(Plan plan, RunOptions options) {
        return CompletableFuture.supplyAsync(() -> executor.run(plan, options), runner);
    }

    /** A step that waits in ctx.pause until aborted, as a health gate polls. */
    private TestStep waitingForAbort(String id, CountDownLatch waiting) {
        return TestStep.of(id, trail).onApply(ctx -> {
            waiting.countDown();
            for (int polls = 0; polls < 1000; polls++) {
                ctx.pause(Duration.ofSeconds(30));
                ctx.checkAborted();
            }
        });
    }

    @Test
    void abortFromAnotherThreadEndsAWaitingStepAndUndoesEverything() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        Plan p = plan(TestStep.of("a", trail), waitingForAbort("b", waiting), TestStep.of("c", trail));
        CompletableFuture<PlanResult> run = runInBackground(p, trail.options("r1").withControl(control));

        assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();
        control.abort("operator pressed Abort");
        PlanResult result = run.get(5, TimeUnit.SECONDS);

        assertThat(result.status()).isEqualTo(Status.ABORTED);
        assertThat(result.failedStep()).isEqualTo(1);
        assertThat(result.steps()).containsExactly(COMPENSATED, COMPENSATED, PENDING);
        assertThat(result.error()).isEqualTo("Aborted during step 2 (Title b): operator pressed Abort; undid steps 2, 1.");
        assertThat(trail.journalEvents()).endsWith("STEP_FAILED b", "COMPENSATING", "STEP_COMPENSATED b",
                "STEP_COMPENSATED a", "PLAN_ABORTED");
        assertThat(trail.journal.get(trail.journal.size() - 5).message()).isEqualTo("aborted: operator pressed Abort");
        assertThat(trail.released).isEqualTo(1);
    }

    @Test
    void abortBetweenStepsUndoesWhatRanAndStartsNothingElse() {
        Plan p = plan(TestStep.of("a", trail).onApply(ctx -> control.abort("stop")), TestStep.of("b", trail));
        PlanResult result = executor.run(p, trail.options("r1").withControl(control));

        assertThat(result.status()).isEqualTo(Status.ABORTED);
        assertThat(result.failedStep()).isEqualTo(-1);
        assertThat(trail.matching(e -> e.startsWith("apply") || e.startsWith("compensate")))
                .containsExactly("apply a", "compensate a");
        assertThat(result.error()).isEqualTo("Aborted before step 2 (Title b): stop; undid step 1.");
    }

    @Test
    void abortDuringTheLastStepStillUndoesTheRunWhenTheStepIgnoresIt() {
        Plan p = plan(TestStep.of("a", trail).onApply(ctx -> control.abort("stop")));
        PlanResult result = executor.run(p, trail.options("r1").withControl(control));

        assertThat(result.status()).isEqualTo(Status.ABORTED);
        assertThat(result.steps()).containsExactly(COMPENSATED);
    }

    @Test
    void compensationWaitsForRealAfterAnAbort() {
        AtomicBoolean abortSeenWhileUndoing = new AtomicBoolean();
        Plan p = plan(TestStep.of("a", trail).onCompensate(ctx -> {
            ctx.checkAborted(); // must not throw: the abort is what we are carrying out
            ctx.pause(Duration.ofMillis(1));
            abortSeenWhileUndoing.set(true);
        }), TestStep.of("b", trail).onApply(ctx -> {
            control.abort("stop");
            ctx.checkAborted();
        }));
        PlanResult result = executor.run(p, trail.options("r1").withControl(control));

        assertThat(abortSeenWhileUndoing).isTrue();
        assertThat(result.steps()).containsExactly(COMPENSATED, COMPENSATED);
    }

    @Test
    void interruptingTheExecutorThreadAbortsUndoesAndKeepsTheInterrupt() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicReference<Thread> thread = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Plan p = plan(TestStep.of("a", trail), waitingForAbort("b", waiting));
        CompletableFuture<PlanResult> run = CompletableFuture.supplyAsync(() -> {
            thread.set(Thread.currentThread());
            PlanResult r = executor.run(p, trail.options("r1").withControl(control));
            stillInterrupted.set(Thread.interrupted());
            return r;
        }, runner);

        assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();
        thread.get().interrupt();
        PlanResult result = run.get(5, TimeUnit.SECONDS);

        assertThat(result.status()).isEqualTo(Status.ABORTED);
        assertThat(result.steps()).containsExactly(COMPENSATED, COMPENSATED);
        assertThat(control.abortReason()).isEqualTo("the run was interrupted");
        assertThat(stillInterrupted).isTrue();
    }

    @Test
    void pauseHoldsTheNextStepUntilResume() throws Exception {
        CountDownLatch paused = new CountDownLatch(1);
        Trail t = new Trail() {
            @Override
            public void log(int index, String line) {
                super.log(index, line);
                if (line.startsWith("Paused before step 2")) {
                    paused.countDown();
                }
            }
        };
        Plan p = plan(TestStep.of("a", t).onApply(ctx -> control.pause()), TestStep.of("b", t));
        CompletableFuture<PlanResult> run = runInBackground(p, t.options("r1").withControl(control));

        assertThat(paused.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(t.matching(e -> e.startsWith("apply"))).containsExactly("apply a");
        assertThat(run).isNotDone();
        control.resume();

        assertThat(run.get(5, TimeUnit.SECONDS).steps()).containsExactly(DONE, DONE);
        assertThat(t.matching(e -> e.startsWith("apply"))).containsExactly("apply a", "apply b");
    }

    @Test
    void abortWhilePausedUndoesWithoutResuming() throws Exception {
        control.pause();
        CompletableFuture<PlanResult> run = runInBackground(plan(TestStep.of("a", trail)), trail.options("r1").withControl(control));
        control.abort("changed my mind");

        PlanResult result = run.get(5, TimeUnit.SECONDS);
        assertThat(result.status()).isEqualTo(Status.ABORTED);
        assertThat(result.error()).isEqualTo("Aborted before step 1 (Title a): changed my mind; nothing had been changed.");
        assertThat(trail.matching(e -> e.startsWith("apply"))).isEmpty();
    }

    @Test
    void declinedGateStopsBeforeTheDangerousStepAndUndoesNothing() {
        AtomicInteger asked = new AtomicInteger();
        Plan p = plan(TestStep.of("a", trail), TestStep.of("b", trail).markedDangerous(), TestStep.of("c", trail));
        RunOptions options = trail.options("r1").withGate(step -> {
            asked.incrementAndGet();
            return false;
        });
        PlanResult result = executor.run(p, options);

        assertThat(asked).hasValue(1);
        assertThat(result.status()).isEqualTo(Status.STOPPED);
        assertThat(result.failedStep()).isEqualTo(1);
        assertThat(result.steps()).containsExactly(DONE, SKIPPED, PENDING);
        assertThat(result.error()).isEqualTo("Stopped before step 2 (Title b): not confirmed; the steps before it stay applied.");
        assertThat(trail.matching(e -> e.startsWith("apply") || e.startsWith("compensate"))).containsExactly("apply a");
        assertThat(trail.journalEvents()).endsWith("STEP_DONE a", "PLAN_STOPPED b");
        assertThat(trail.events).endsWith("plan STOPPED", "lock release");
    }

    @Test
    void confirmedGateRunsTheDangerousStep() {
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        Plan p = plan(TestStep.of("a", trail), TestStep.of("b", trail).markedDangerous());
        PlanResult result = executor.run(p, trail.options("r1").withGate(step -> asked.add(step.id())));

        assertThat(asked).containsExactly("b");
        assertThat(result.succeeded()).isTrue();
    }
}
