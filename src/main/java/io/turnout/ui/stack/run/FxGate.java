package io.turnout.ui.stack.run;

import io.turnout.plan.Gate;
import io.turnout.plan.Step;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * A {@link Gate} that asks the operator: called on the executor's thread, it puts the question on
 * the FX thread and blocks (only the executor's thread) until a button answers it. An interrupt or
 * an answer of false stops the plan before the step.
 */
final class FxGate implements Gate {

    private final Executor fx;
    private final BiConsumer<GateQuestion, CompletableFuture<Boolean>> ask;

    /** @param ask runs on {@code fx}; completes the future with the operator's answer */
    FxGate(Executor fx, BiConsumer<GateQuestion, CompletableFuture<Boolean>> ask) {
        this.fx = fx;
        this.ask = ask;
    }

    @Override
    public boolean confirm(Step step) {
        if (!step.dangerous()) {
            return true;
        }
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        GateQuestion question = GateQuestion.of(step);
        fx.execute(() -> ask.accept(question, answer));
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }
}
