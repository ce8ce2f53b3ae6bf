package io.turnout.cli;

import io.turnout.db.BlockedSession;
import io.turnout.db.DbActivity;
import io.turnout.db.LockSession;
import io.turnout.db.SessionGroup;
import io.turnout.db.StateCounts;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DbActivityTextTest {

    private static final LockSession A = new LockSession(100, "shop-blue", "app", "idle in transaction",
            "UPDATE accounts SET balance = balance + 1 WHERE id = 1", Duration.ofSeconds(40), null, List.of());
    private static final LockSession B = new LockSession(101, "shop-green", "app", "waiting",
            "UPDATE accounts SET balance = balance + 2 WHERE id = 1", Duration.ofSeconds(30), Duration.ofSeconds(30), List.of(100));
    private static final LockSession C = new LockSession(102, "shop-green", "app", "waiting",
            "UPDATE accounts SET balance = balance + 3 WHERE id = 1", Duration.ofSeconds(12), Duration.ofSeconds(12), List.of(101));

    @Test
    void blockedSessionsPrintAsAnIndentedChainUnderTheRootBlocker() {
        DbActivity a = new DbActivity(Instant.parse("2026-01-01T00:00:00Z"), null, 0, 7, 100,
                new StateCounts(0, 0, 1, 0, 2, 0),
                List.of(new SessionGroup("shop-green", null, new StateCounts(0, 0, 0, 0, 2, 0)),
                        new SessionGroup("shop-blue", null, new StateCounts(0, 0, 1, 0, 0, 0))),
                List.of(new SessionGroup("app", "10.0.0.7", new StateCounts(0, 0, 1, 0, 2, 0))), 3.0, 0.0,
                List.of(new BlockedSession(B, List.of(A), 1, 100), new BlockedSession(C, List.of(B), 2, 100)),
                new DbActivity.OldestTransaction(100, "shop-blue", "idle in transaction", Duration.ofSeconds(40)),
                DbActivity.Replication.NONE, Duration.ofMillis(2));
        StringWriter w = new StringWriter();
        DbActivityText.print(new PrintWriter(w), "jdbc:postgresql://h/shop?password=***", a);
        List<String> lines = w.toString().lines().toList();
        int root = indexOf(lines, "pid 100 shop-blue");
        assertThat(lines.get(root)).contains("idle in transaction, transaction open 40.0 s", "balance + 1");
        assertThat(lines.get(root + 1)).startsWith("  └─ pid 101 shop-green").contains("waiting 30.0 s", "balance + 2");
        assertThat(lines.get(root + 2)).startsWith("     └─ pid 102 shop-green").contains("waiting 12.0 s", "balance + 3");
        assertThat(w.toString()).contains("BLOCKED SESSIONS 2", "CONNECTIONS 3 of max 100 (3 %)", "TPS 3.0 commits/s",
                "OLDEST TRANSACTION 40.0 s, pid 100 (shop-blue, idle in transaction)", "10.0.0.7");
    }

    private static int indexOf(List<String> lines, String start) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i;
            }
        }
        throw new AssertionError("no line starting with " + start + " in\n" + String.join("\n", lines));
    }

    @Test
    void intervalAcceptsMillisecondsSecondsAndMinutes() {
        assertThat(DbActivityCommand.parseInterval("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DbActivityCommand.parseInterval("1s")).isEqualTo(Duration.ofSeconds(1));
        assertThat(DbActivityCommand.parseInterval("2")).isEqualTo(Duration.ofSeconds(2));
        assertThat(DbActivityCommand.parseInterval("1.5m")).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> DbActivityCommand.parseInterval("10ms")).hasMessageContaining("at least");
        assertThatThrownBy(() -> DbActivityCommand.parseInterval("soon")).hasMessageContaining("--interval");
    }
}
