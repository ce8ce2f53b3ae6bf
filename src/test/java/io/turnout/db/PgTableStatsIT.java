package io.turnout.db;

import io.turnout.migrate.LockLevel;
import io.turnout.migrate.MigrationClass;
import io.turnout.migrate.Operation;
import io.turnout.migrate.Rewrite;
import io.turnout.migrate.Risk;
import io.turnout.migrate.SizeEstimates;
import io.turnout.migrate.TableSize;
import io.turnout.migrate.TableSizeRisk;
import io.turnout.testing.ScratchDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Sizes read from a real catalog, and the risk they lead to for the same statement on an empty and a filled table. */
class PgTableStatsIT {

    private static ScratchDatabase db;

    @BeforeAll
    static void tables() {
        db = ScratchDatabase.create("stats");
        db.execute("CREATE TABLE empty_t (id bigint PRIMARY KEY, n int)",
                "CREATE TABLE full_t (id bigint PRIMARY KEY, n int, pad text)",
                "INSERT INTO full_t SELECT g, g, repeat('x', 200) FROM generate_series(1, 50000) g",
                "ANALYZE full_t");
    }

    @AfterAll
    static void drop() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void readsSizeAndRowEstimateFromTheCatalog() throws Exception {
        try (Connection c = db.connect()) {
            PgTableStats stats = new PgTableStats(c);
            TableSize full = stats.size("public.full_t").orElseThrow();
            assertThat(full.rows()).isBetween(45_000L, 55_000L);
            assertThat(full.bytes()).isGreaterThan(10L * 1024 * 1024);
            assertThat(stats.size("empty_t").orElseThrow().rows()).as("never analyzed").isLessThanOrEqualTo(0);
            assertThat(stats.size("no_such_table")).isEmpty();
        }
    }

    @Test
    void sameRewriteIsLowOnTheEmptyTableAndEscalatesOnTheFilledOne() throws Exception {
        // 0.5 MB/s makes the filled table (>10 MB) a >10 s rewrite without needing gigabytes in the sandbox
        SizeEstimates slow = new SizeEstimates(0.5, 0.5, 0.5);
        try (Connection c = db.connect()) {
            TableSizeRisk risk = new TableSizeRisk(new PgTableStats(c), slow);
            assertThat(risk.adjust(rewrite("empty_t")).risk()).isEqualTo(Risk.LOW);
            Operation full = risk.adjust(rewrite("full_t"));
            assertThat(full.risk()).isEqualTo(Risk.HIGH);
            assertThat(full.warnings().getLast()).contains("under ACCESS EXCLUSIVE").contains("full_t");
        }
    }

    private static Operation rewrite(String table) {
        return new Operation(1, 1, "ALTER_COLUMN_TYPE", "ALTER TABLE " + table + " ALTER COLUMN n TYPE bigint", List.of(table),
                LockLevel.ACCESS_EXCLUSIVE, Rewrite.YES, Risk.HIGH, MigrationClass.MAINTENANCE, List.of(), null, List.of());
    }
}
