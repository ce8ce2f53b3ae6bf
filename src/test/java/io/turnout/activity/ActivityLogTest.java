package io.turnout.activity;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityLogTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void startedOperationIsPublishedAsRunningWithIndeterminateProgress() {
        ActivityLog log = new ActivityLog(clock);
        log.start("Switch traffic to green", "prod-1");

        OperationSnapshot op = log.feed().current().getFirst();
        assertThat(op.title()).isEqualTo("Switch traffic to green");
        assertThat(op.target()).isEqualTo("prod-1");
        assertThat(op.running()).isTrue();
        assertThat(op.progress()).isNegative();
        assertThat(op.startedAt()).isEqualTo(clock.instant());
    }

    @Test
    void progressLogAndSuccessAreEachPublishedToSubscribers() {
        ActivityLog log = new ActivityLog(clock);
        List<List<OperationSnapshot>> seen = new ArrayList<>();
        log.feed().subscribe(seen::add);

        Operation op = log.start("Pull image", "prod-1");
        op.progress(0.5);
        op.log("pulling layer 1/2");
        op.succeed();

        assertThat(seen).hasSize(4);
        OperationSnapshot done = log.feed().current().getFirst();
        assertThat(done.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(done.progress()).isEqualTo(1.0);
        assertThat(done.log()).containsExactly("pulling layer 1/2");
        assertThat(done.finishedAt()).isEqualTo(clock.instant());
    }

    @Test
    void finishedOperationIgnoresLateReports() {
        ActivityLog log = new ActivityLog(clock);
        Operation op = log.start("Reconnect", "prod-1");
        op.fail("host unreachable");
        op.progress(0.9);
        op.log("late line");
        op.succeed();

        OperationSnapshot snap = log.feed().current().getFirst();
        assertThat(snap.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(snap.failure()).isEqualTo("host unreachable");
        assertThat(snap.log()).isEmpty();
    }

    @Test
    void listIsNewestFirstAndOldFinishedOperationsAreDropped() {
        ActivityLog log = new ActivityLog(clock, 1, 10);
        log.start("first", "a").succeed();
        log.start("second", "a").succeed();
        Operation running = log.start("third", "a");

        assertThat(log.feed().current()).extracting(OperationSnapshot::title).containsExactly("third", "second");
        running.succeed();
        assertThat(log.feed().current()).extracting(OperationSnapshot::title).containsExactly("third");
    }

    @Test
    void logKeepsOnlyTheNewestLines() {
        ActivityLog log = new ActivityLog(clock, 5, 3);
        Operation op = log.start("Build", "local");
        for (int i = 1; i <= 5; i++) {
            op.log("line " + i);
        }
        assertThat(log.feed().current().getFirst().log()).containsExactly("line 3", "line 4", "line 5");
    }

    @Test
    void concurrentWorkersEndWithAConsistentFinalSnapshot() throws Exception {
        ActivityLog log = new ActivityLog(clock, 100, 1000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        for (int w = 0; w < 8; w++) {
            int worker = w;
            pool.submit(() -> {
                go.await();
                Operation op = log.start("op " + worker, "t");
                for (int i = 0; i < 100; i++) {
                    op.log("l" + i);
                    op.progress(i / 100.0);
                }
                op.succeed();
                return null;
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(log.feed().current()).hasSize(8)
                .allSatisfy(o -> {
                    assertThat(o.status()).isEqualTo(OperationStatus.SUCCEEDED);
                    assertThat(o.log()).hasSize(100);
                });
    }
}
