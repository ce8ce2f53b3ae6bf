package io.turnout.db;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BlockingChainsTest {

    private static LockSession holder(int pid) {
        return new LockSession(pid, "app-" + pid, "u", "idle in transaction", "UPDATE t SET v = 1 WHERE id = 1",
                Duration.ofSeconds(30), null, List.of());
    }

    private static LockSession waiter(int pid, Integer... blockers) {
        return new LockSession(pid, "app-" + pid, "u", "waiting", "UPDATE t SET v = " + pid + " WHERE id = 1",
                Duration.ofSeconds(20), Duration.ofSeconds(pid), List.of(blockers));
    }

    @Test
    void chainOfThreeGivesDepthsAndTheRootBlocker() {
        List<BlockedSession> blocked = BlockingChains.of(List.of(holder(10), waiter(11, 10), waiter(12, 11)));
        assertThat(blocked).extracting(BlockedSession::pid).containsExactly(11, 12);
        BlockedSession c = blocked.get(1);
        assertThat(c.depth()).isEqualTo(2);
        assertThat(c.rootBlocker()).isEqualTo(10);
        assertThat(c.blockers()).extracting(LockSession::pid).containsExactly(11);
        assertThat(c.blockers().getFirst().query()).contains("v = 11");
        assertThat(blocked.get(0).depth()).isEqualTo(1);
        assertThat(blocked.get(0).rootBlocker()).isEqualTo(10);
    }

    @Test
    void longestChainDecidesTheRootWhenThereAreSeveralBlockers() {
        List<BlockedSession> blocked = BlockingChains.of(List.of(holder(1), holder(2), waiter(3, 2), waiter(4, 1, 3)));
        BlockedSession four = blocked.stream().filter(b -> b.pid() == 4).findFirst().orElseThrow();
        assertThat(four.depth()).isEqualTo(2);
        assertThat(four.rootBlocker()).isEqualTo(2);
        assertThat(four.blockers()).extracting(LockSession::pid).containsExactly(1, 3);
    }

    @Test
    void blockerThatIsNotAClientBackendIsKeptByPid() {
        BlockedSession b = BlockingChains.of(List.of(waiter(5, 99))).getFirst();
        assertThat(b.rootBlocker()).isEqualTo(99);
        assertThat(b.blockers().getFirst().state()).isEqualTo("not a client backend");
    }

    @Test
    void deadlockCycleEndsTheWalkInsteadOfLooping() {
        List<BlockedSession> blocked = BlockingChains.of(List.of(waiter(7, 8), waiter(8, 7)));
        assertThat(blocked).hasSize(2);
        assertThat(blocked).allSatisfy(b -> assertThat(b.depth()).isBetween(1, 2));
    }

    @Test
    void nobodyBlockedGivesNoChains() {
        assertThat(BlockingChains.of(List.of(holder(1)))).isEmpty();
    }
}
