package io.turnout.ui.stack;

import io.turnout.plan.Plan;
import io.turnout.plan.RunOptions;
import io.turnout.release.InterruptedRun;
import io.turnout.release.UpgradeRequest;
import io.turnout.stack.Color;
import io.turnout.stack.LockInfo;
import io.turnout.ui.common.ImmediateTaskRunner;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class StackViewModelTest {

    private final InMemoryStackOperations ops = new InMemoryStackOperations("shop", "turnout-fixture/app:v1");
    private final StackViewModel vm = new StackViewModel("shop", () -> ops, new ImmediateTaskRunner(), ZoneOffset.UTC);

    private void run(Plan plan) {
        ops.execute(plan, RunOptions.simple("test"));
    }

    private void upgrade(boolean autoSwitch) {
        run(ops.planUpgrade(new UpgradeRequest("web", "turnout-fixture/app:v2", null, null, autoSwitch, false, false)));
    }

    @Test
    void blueActiveWithV1ShowsAsAnActiveCardNextToAnEmptyGreenSlot() {
        vm.refresh();

        assertThat(vm.routerProperty().get()).isEqualTo("router: haproxy · healthy");
        assertThat(vm.lockProperty().get()).isEqualTo("free");
        assertThat(vm.interruptedProperty().get()).isNull();
        ServiceItem web = vm.services().getFirst();
        EnvCard blue = web.card(Color.BLUE);
        assertThat(blue.role()).isEqualTo("ACTIVE");
        assertThat(blue.version()).isEqualTo("v1");
        assertThat(blue.trafficShare()).isEqualTo(100);
        assertThat(blue.containers()).isEqualTo("1/1 running");
        assertThat(blue.check()).isEqualTo("UP · L7OK/200 in 1ms");
        assertThat(blue.release()).endsWith("· 2026-03-01 10:01:00 by alice@ws");
        assertThat(web.card(Color.GREEN).role()).isEqualTo("EMPTY");
        assertThat(web.switchTo()).isNull();
        assertThat(web.rollbackTo()).isNull();
        assertThat(web.activeImage()).isEqualTo("turnout-fixture/app:v1");
    }

    @Test
    void aNewerStandbyOffersTheSwitchAndAnOlderOneTheRollback() {
        upgrade(false);
        vm.refresh();
        ServiceItem standbyNewer = vm.services().getFirst();
        assertThat(standbyNewer.switchLabel()).isEqualTo("Switch traffic to green");
        assertThat(standbyNewer.rollbackTo()).isNull();
        assertThat(standbyNewer.removeLabel()).isEqualTo("Remove standby green");
        assertThat(standbyNewer.card(Color.GREEN).role()).isEqualTo("STANDBY");

        run(ops.planSwitch("web", Color.GREEN));
        vm.refresh();
        ServiceItem switched = vm.services().getFirst();
        assertThat(switched.card(Color.GREEN).role()).isEqualTo("ACTIVE");
        assertThat(switched.card(Color.GREEN).version()).isEqualTo("v2");
        assertThat(switched.switchTo()).isNull();
        assertThat(switched.rollbackLabel()).isEqualTo("Roll back to blue (v1)");
        assertThat(switched.removeLabel()).isEqualTo("Remove standby blue");
    }

    @Test
    void afterCleanupTheHistoryStillOffersRollbackToThePreviousVersion() {
        upgrade(true);
        run(ops.planCleanup("web", Color.BLUE));
        vm.refresh();

        ServiceItem web = vm.services().getFirst();
        assertThat(web.card(Color.BLUE).role()).isEqualTo("EMPTY");
        assertThat(web.removable()).isNull();
        assertThat(web.rollbackLabel()).isEqualTo("Roll back to blue (v1)");
    }

    @Test
    void historyRowsSayWhatMovedWhoDidItAndTheProbesProof() {
        upgrade(true);
        vm.refresh();

        HistoryRow row = vm.history().getFirst();
        assertThat(row.kind()).isEqualTo("upgrade");
        assertThat(row.service()).isEqualTo("web");
        assertThat(row.change()).isEqualTo("blue (v1) → green (v2)");
        assertThat(row.who()).isEqualTo("alice@ws");
        assertThat(row.result()).isEqualTo("succeeded");
        assertThat(row.proof()).isEqualTo("0 failed / 1,204 requests, mixed 12 ms");
    }

    @Test
    void lockHolderAndAnInterruptedReleaseAreShown() {
        ops.lock = new LockInfo("bob@laptop", "laptop", 42, "upgrade web to app:v3", Instant.parse("2026-03-01T09:30:00Z"), "r7");
        ops.interrupted = new InterruptedRun("r7", "upgrade", Map.of(), 3, "switch-web-to-green", Instant.parse("2026-03-01T09:31:00Z"), null);
        ops.maintenance = true;

        vm.refresh();

        assertThat(vm.lockedProperty().get()).isTrue();
        assertThat(vm.lockProperty().get()).isEqualTo("held by bob@laptop since 2026-03-01 09:30:00: upgrade web to app:v3");
        assertThat(vm.interruptedProperty().get().sentence())
                .isEqualTo("Release r7 (upgrade) was interrupted at step 4 (switch-web-to-green).");
        assertThat(vm.maintenanceProperty().get()).isTrue();
    }

    @Test
    void anUnchangedReadLeavesTheCardsAloneAndThePollSkipsAnUnchangedHistory() {
        vm.refresh();
        AtomicInteger redraws = new AtomicInteger();
        vm.services().addListener((ListChangeListener<ServiceItem>) c -> redraws.incrementAndGet());
        int historyReads = ops.historyReads.get();

        vm.poll();
        vm.poll();

        assertThat(redraws.get()).isZero();
        assertThat(ops.historyReads.get()).isEqualTo(historyReads);

        upgrade(true); // someone else released: the status's recent entries are newer than our history
        vm.poll();
        assertThat(redraws.get()).isEqualTo(1);
        assertThat(ops.historyReads.get()).isEqualTo(historyReads + 1);
        assertThat(vm.history()).hasSize(1);
    }

    @Test
    void aStackTurnoutDoesNotManageSaysSoStopsPollingAndARefreshRetries() {
        ops.statusFailure = new IllegalArgumentException("There is no stack 'shop' on prod-1 (stacks there: demo).");
        vm.refresh();
        assertThat(vm.errorProperty().get()).isEqualTo("Cannot read stack shop: There is no stack 'shop' on prod-1 (stacks there: demo).");
        assertThat(vm.loadingProperty().get()).isFalse();

        assertThat(vm.unmanagedProperty().get()).isTrue();
        int reads = ops.calls.size();
        vm.poll();
        assertThat(ops.calls).as("no timer reads for a stack Turnout does not manage").hasSize(reads);

        ops.statusFailure = null;
        vm.refresh();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.unmanagedProperty().get()).isFalse();
        assertThat(vm.services()).hasSize(1);
    }

    @Test
    void theOperationsAreOpenedOnceOnTheFirstRead() {
        AtomicInteger opened = new AtomicInteger();
        StackViewModel lazy = new StackViewModel("shop", StackViews.memoized(() -> {
            opened.incrementAndGet();
            return ops;
        }), new ImmediateTaskRunner(), ZoneOffset.UTC);
        assertThat(opened.get()).isZero();

        lazy.refresh();
        lazy.poll();

        assertThat(opened.get()).isEqualTo(1);
    }

    @Test
    void releasingADeadReleasesLockFreesTheStackAndReadsAgain() {
        ops.lock = new LockInfo("alice@ws", "ws", 4242, "Upgrade shop/web", Instant.parse("2026-11-23T10:15:02Z"), "run-1");
        vm.refresh();
        assertThat(vm.lockedProperty().get()).isTrue();
        assertThat(vm.lockProperty().get()).contains("alice@ws");

        vm.forceReleaseLock();

        assertThat(ops.lock).isNull();
        assertThat(vm.lockedProperty().get()).as("read again after the release").isFalse();
        assertThat(vm.lockProperty().get()).isEqualTo("free");
    }
}
