package io.turnout.ui.common;

import io.turnout.feed.ValueFeed;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HandOverTest {

    private final ManualExecutor fx = new ManualExecutor();

    @Test
    void burstOfSnapshotsCostsOneHandOverWithTheLatest() {
        List<Integer> applied = new ArrayList<>();
        Coalescer<Integer> coalescer = new Coalescer<>(fx, applied::add);
        for (int i = 1; i <= 100; i++) {
            coalescer.offer(i);
        }
        assertThat(fx.pending()).isEqualTo(1);
        fx.runAll();
        assertThat(applied).containsExactly(100);

        coalescer.offer(101);
        fx.runAll();
        assertThat(applied).containsExactly(100, 101);
    }

    @Test
    void batcherDeliversAllLinesInOneListPerTick() {
        List<List<String>> batches = new ArrayList<>();
        Batcher<String> batcher = new Batcher<>(fx, batches::add);
        for (int i = 0; i < 1000; i++) {
            batcher.add("line " + i);
        }
        assertThat(fx.pending()).isEqualTo(1);
        fx.runAll();
        assertThat(batches).hasSize(1);
        assertThat(batches.getFirst()).hasSize(1000).startsWith("line 0").endsWith("line 999");
    }

    @Test
    void bridgeHandsOverCurrentOnStartAndNothingAfterStop() {
        ValueFeed<String> feed = new ValueFeed<>("first");
        List<String> applied = new ArrayList<>();
        FxFeedBridge<String> bridge = new FxFeedBridge<>(feed, fx, applied::add);

        bridge.start();
        feed.publish("second");
        fx.runAll();
        assertThat(applied).containsExactly("second");

        feed.publish("third");
        bridge.stop();
        fx.runAll();
        feed.publish("fourth");
        fx.runAll();
        assertThat(applied).containsExactly("second");
        assertThat(bridge.running()).isFalse();
    }
}
