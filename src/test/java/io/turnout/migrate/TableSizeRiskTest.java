package io.turnout.migrate;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TableSizeRiskTest {

    private static final long GB = 1024L * 1024 * 1024;
    private static final SizeEstimates SPEEDS = new SizeEstimates(20, 10, 200);

    private static TableSizeRisk with(Map<String, TableSize> sizes) {
        return new TableSizeRisk(t -> Optional.ofNullable(sizes.get(t)), SPEEDS);
    }

    private static Operation op(String type, LockLevel lock, Rewrite rewrite, Risk risk, String... rules) {
        return new Operation(1, 1, type, "sql", List.of("orders"), lock, rewrite, risk, MigrationClass.MAINTENANCE,
                List.of(), null, List.of(rules));
    }

    @Test
    void rewriteOfAnEmptyTableIsLow() {
        Operation adjusted = with(Map.of("orders", new TableSize(16 * 1024, 0)))
                .adjust(op("ALTER_COLUMN_TYPE", LockLevel.ACCESS_EXCLUSIVE, Rewrite.YES, Risk.HIGH, "changing-column-type"));
        assertThat(adjusted.risk()).isEqualTo(Risk.LOW);
        assertThat(adjusted.warnings()).singleElement().asString()
                .contains("rewrite of orders (16 kB, ~0 rows) takes ~0.0 s under ACCESS EXCLUSIVE");
    }

    @Test
    void rewriteOfFiftyGigabytesIsHighWithMinutesUnderAccessExclusive() {
        Operation adjusted = with(Map.of("orders", new TableSize(50 * GB, 400_000_000)))
                .adjust(op("ADD_COLUMN", LockLevel.ACCESS_EXCLUSIVE, Rewrite.YES, Risk.MEDIUM));
        assertThat(adjusted.risk()).isEqualTo(Risk.HIGH);
        // 51200 MB at 20 MB/s = 2560 s
        assertThat(adjusted.warnings().getFirst()).contains("~43 min under ACCESS EXCLUSIVE (reads and writes wait");
    }

    @Test
    void indexBuildOfAMidSizedTableIsMediumBecauseWritesWait() {
        Operation adjusted = with(Map.of("orders", new TableSize(50L * 1024 * 1024, 500_000)))
                .adjust(op("CREATE_INDEX", LockLevel.SHARE, Rewrite.NO, Risk.HIGH, "require-concurrent-index-creation"));
        assertThat(adjusted.risk()).isEqualTo(Risk.MEDIUM);
        assertThat(adjusted.warnings().getFirst()).contains("index build").contains("~5.0 s under SHARE (writes wait");
    }

    @Test
    void concurrentIndexKeepsItsRiskAndOnlyReportsTheDuration() {
        Operation before = op("CREATE_INDEX", LockLevel.SHARE_UPDATE_EXCLUSIVE, Rewrite.NO, Risk.LOW);
        Operation adjusted = with(Map.of("orders", new TableSize(50 * GB, 1))).adjust(before);
        assertThat(adjusted.risk()).isEqualTo(Risk.LOW);
        assertThat(adjusted.warnings().getFirst()).contains("does not block reads or writes");
    }

    @Test
    void sizeIndependentAndUnknownTablesAreLeftAlone() {
        Operation rename = op("RENAME_COLUMN", LockLevel.ACCESS_EXCLUSIVE, Rewrite.NO, Risk.HIGH, "renaming-column");
        assertThat(with(Map.of("orders", new TableSize(50 * GB, 1))).adjust(rename)).isSameAs(rename);
        Operation rewrite = op("ALTER_COLUMN_TYPE", LockLevel.ACCESS_EXCLUSIVE, Rewrite.YES, Risk.HIGH);
        assertThat(with(Map.of()).adjust(rewrite)).isSameAs(rewrite);
    }

    @Test
    void humanDurationsNeverClaimMorePrecisionThanTheyHave() {
        assertThat(SizeEstimates.human(Duration.ofMillis(340))).isEqualTo("~0.3 s");
        assertThat(SizeEstimates.human(Duration.ofSeconds(42))).isEqualTo("~42 s");
        assertThat(SizeEstimates.human(Duration.ofMinutes(18).plusSeconds(20))).isEqualTo("~18 min");
        assertThat(SizeEstimates.human(Duration.ofMinutes(150))).isEqualTo("~2.5 h");
    }
}
