package io.turnout.plan;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TeeListenerTest {

    private static final Step STEP = new Step() {
        @Override public String id() { return "switch-web-to-green"; }
        @Override public String title() { return "Switch"; }
        @Override public void apply(StepContext ctx) { }
    };

    @Test
    void everyListenerHearsEveryCallbackEvenAfterOneThrows() {
        List<String> heard = new ArrayList<>();
        PlanListener broken = new PlanListener() {
            @Override public void stepStarted(int index, Step step) { throw new IllegalStateException("view bug"); }
        };
        PlanListener recorder = new PlanListener() {
            @Override public void stepStarted(int index, Step step) { heard.add("started " + step.id()); }
            @Override public void detail(int index, Object detail) { heard.add("detail " + detail); }
            @Override public void stepFinished(int index, Step step, StepStatus status, Duration took, String error) {
                heard.add("finished " + status);
            }
        };
        PlanListener tee = TeeListener.of(broken, recorder);
        tee.stepStarted(0, STEP);
        tee.detail(0, "probe");
        tee.stepFinished(0, STEP, StepStatus.DONE, Duration.ZERO, null);
        assertThat(heard).containsExactly("started switch-web-to-green", "detail probe", "finished DONE");
    }

    @Test
    void noListenersIsNone() {
        assertThat(TeeListener.of(PlanListener.NONE, null)).isSameAs(PlanListener.NONE);
    }
}
