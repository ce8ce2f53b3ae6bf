package io.turnout.migrate.verify;

import io.turnout.testing.ScratchDatabase;
import io.turnout.db.DbConnector;
import io.turnout.migrate.LockLevel;
import io.turnout.migrate.MigrationClass;
import io.turnout.migrate.Operation;
import io.turnout.migrate.Rewrite;
import io.turnout.migrate.Risk;
import io.turnout.migrate.SqlStatement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PostgreSQL behaviours the classifier's rules rest on, observed on the sandbox server
 * (PostgreSQL 15) through the shadow verifier. Each test verifies its own little file against a
 * target database holding a table with rows; the shadow copy is schema-only.
 */
class ShadowVerifierTargetedIT {

    private static ScratchDatabase target;
    private final ShadowVerifier verifier = new ShadowVerifier(DbConnector.direct());

    @BeforeAll
    static void createTarget() {
        target = ScratchDatabase.create("verify");
        target.execute("CREATE TABLE accounts (id bigint PRIMARY KEY, n int NOT NULL, code varchar(10), note text)",
                "INSERT INTO accounts SELECT g, g, 'c' || g, 'x' FROM generate_series(1, 1000) g",
                "CREATE TABLE ledger (id bigint PRIMARY KEY, account_id bigint)");
    }

    @AfterAll
    static void dropTarget() {
        if (target != null) {
            target.close();
        }
    }

    private List<StatementCheck> verify(String... statements) {
        List<SqlStatement> list = new ArrayList<>();
        for (int i = 0; i < statements.length; i++) {
            list.add(new SqlStatement(i + 1, i + 1, statements[i]));
        }
        try (ShadowSession s = verifier.open(target.url(), VerifyOptions.defaults())) {
            return s.verify("targeted.sql", list, List.of()).checks();
        }
    }

    @Test
    void intToBigintRewritesUnderAccessExclusive() {
        StatementCheck c = verify("ALTER TABLE accounts ALTER COLUMN n TYPE bigint").getFirst();
        assertThat(c.error()).isNull();
        assertThat(c.rewrittenTables()).containsExactly("public.accounts");
        assertThat(c.observedLocks()).containsEntry("public.accounts", LockLevel.ACCESS_EXCLUSIVE);
    }

    @Test
    void widenedVarcharDoesNotRewrite() {
        StatementCheck c = verify("ALTER TABLE accounts ALTER COLUMN code TYPE varchar(20)").getFirst();
        assertThat(c.error()).isNull();
        assertThat(c.rewriteObserved()).isFalse();
        assertThat(c.observedLock()).isEqualTo(LockLevel.ACCESS_EXCLUSIVE);
    }

    @Test
    void volatileDefaultRewritesButConstantDefaultDoesNotOnPg15() {
        List<StatementCheck> c = verify("ALTER TABLE accounts ADD COLUMN created timestamptz DEFAULT now()",
                "ALTER TABLE accounts ADD COLUMN flag int DEFAULT 0",
                "ALTER TABLE accounts ADD COLUMN stamp timestamptz DEFAULT clock_timestamp()");
        assertThat(c.get(0).rewriteObserved()).as("now() is stable: evaluated once, no rewrite").isFalse();
        assertThat(c.get(1).rewriteObserved()).isFalse();
        assertThat(c.get(2).rewrittenTables()).as("clock_timestamp() is volatile").containsExactly("public.accounts");
    }

    @Test
    void createIndexTakesShareLock() {
        StatementCheck c = verify("CREATE INDEX accounts_code ON accounts (code)").getFirst();
        assertThat(c.observedLocks()).containsEntry("public.accounts", LockLevel.SHARE);
        assertThat(c.outsideTransaction()).isFalse();
        assertThat(c.rewriteObserved()).isFalse();
    }

    @Test
    void createIndexConcurrentlyIsVerifiedOutsideATransactionAndDoesNotBlockWrites() {
        StatementCheck c = verify("CREATE INDEX CONCURRENTLY accounts_note ON accounts (note)").getFirst();
        assertThat(c.error()).isNull();
        assertThat(c.outsideTransaction()).isTrue();
        assertThat(c.lockCaptured()).isTrue();
        assertThat(c.observedLocks()).containsEntry("public.accounts", LockLevel.SHARE_UPDATE_EXCLUSIVE);
        assertThat(c.observedLock().blocksWrites()).isFalse();
    }

    /** The observation above says SHARE UPDATE EXCLUSIVE; this shows what that means: a write goes through mid-build. */
    @Test
    void concurrentIndexBuildLetsAWriteThroughWhileItRuns() throws Exception {
        try (Connection writer = target.connect(); Connection builder = target.connect(); Connection other = target.connect()) {
            writer.setAutoCommit(false);
            try (Statement w = writer.createStatement()) {
                w.execute("UPDATE ledger SET account_id = account_id WHERE id = -1"); // an open writer: CIC must wait for it
            }
            int builderPid;
            try (Statement b = builder.createStatement(); ResultSet rs = b.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                builderPid = rs.getInt(1);
            }
            var build = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try (Statement b = builder.createStatement()) {
                    b.execute("CREATE INDEX CONCURRENTLY ledger_account_cic ON ledger (account_id)");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            io.turnout.testing.Poll.until(Duration.ofSeconds(10), "CIC holds its lock and waits for the open writer", () -> {
                try (Statement o = other.createStatement(); ResultSet rs = o.executeQuery(
                        "SELECT count(*) FROM pg_locks WHERE pid = " + builderPid + " AND NOT granted")) {
                    rs.next();
                    return rs.getInt(1) > 0;
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            try (Statement o = other.createStatement()) {
                o.execute("SET lock_timeout = '1s'");
                o.execute("INSERT INTO ledger VALUES (424242, 1)"); // would time out if writes were blocked
            }
            assertThat(build).isNotDone();
            writer.commit();
            build.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void laterStatementsSeeTheSchemaOfEarlierOnes() {
        List<StatementCheck> c = verify("CREATE TABLE fresh (id int)", "ALTER TABLE fresh ADD COLUMN v int",
                "ALTER TABLE fresh ALTER COLUMN v TYPE bigint");
        assertThat(c).allSatisfy(x -> assertThat(x.error()).isNull());
        assertThat(c.get(0).observedLocks()).as("a table the statement creates is nobody's wait").isEmpty();
        assertThat(c.get(2).rewrittenTables()).containsExactly("public.fresh");
    }

    @Test
    void disagreementIsReportedWhenTheVerdictIsWrong() {
        Operation wrong = new Operation(1, 1, "ALTER_COLUMN_TYPE", "ALTER TABLE accounts ALTER COLUMN n TYPE bigint",
                List.of("accounts"), LockLevel.SHARE_UPDATE_EXCLUSIVE, Rewrite.NO, Risk.LOW, MigrationClass.SAFE,
                List.of(), null, List.of());
        try (ShadowSession s = verifier.open(target.url(), VerifyOptions.defaults())) {
            FileVerification v = s.verify("wrong.sql", List.of(new SqlStatement(1, 1, wrong.statement())), List.of(wrong));
            assertThat(v.agrees()).isFalse();
            assertThat(v.checks().getFirst().disagreements()).hasSize(2)
                    .anySatisfy(d -> assertThat(d).startsWith("lock: classified SHARE UPDATE EXCLUSIVE, observed ACCESS EXCLUSIVE"))
                    .anySatisfy(d -> assertThat(d).startsWith("rewrite: classified as no rewrite"));
        }
    }

    @Test
    void shadowDatabaseIsDroppedEvenWhenAStatementFails() {
        String name;
        try (ShadowSession s = verifier.open(target.url(), VerifyOptions.defaults())) {
            name = s.url().database();
            StatementCheck c = s.verify("bad.sql", List.of(new SqlStatement(1, 1, "ALTER TABLE nope ADD COLUMN x int")), List.of())
                    .checks().getFirst();
            assertThat(c.failed()).isTrue();
            assertThat(c.sqlState()).isEqualTo("42P01");
            assertThat(ScratchDatabase.databasesLike(name)).isEqualTo(1);
        }
        assertThat(ScratchDatabase.databasesLike(name)).isZero();
    }

    @Test
    void inPlaceRollbackLeavesTheTargetUnchanged() throws Exception {
        List<SqlStatement> stmts = List.of(new SqlStatement(1, 1, "ALTER TABLE ledger ADD COLUMN memo text"),
                new SqlStatement(2, 2, "ALTER TABLE ledger ALTER COLUMN memo SET NOT NULL"),
                new SqlStatement(3, 3, "CREATE INDEX CONCURRENTLY ledger_acc ON ledger (account_id)"));
        try (ShadowSession s = verifier.open(target.url(), new VerifyOptions(Duration.ofSeconds(2), true))) {
            List<StatementCheck> c = s.verify("inplace.sql", stmts, List.of()).checks();
            assertThat(c.get(0).observedLocks()).containsEntry("public.ledger", LockLevel.ACCESS_EXCLUSIVE);
            assertThat(c.get(1).error()).isNull();
            assertThat(c.get(2).notes()).anySatisfy(n -> assertThat(n).contains("never commits"));
        }
        try (Connection c = target.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.columns WHERE table_name = 'ledger' AND column_name = 'memo'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }
}
