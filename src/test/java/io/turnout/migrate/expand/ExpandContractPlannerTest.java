package io.turnout.migrate.expand;

import io.turnout.migrate.SqlStatement;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ExpandContractPlannerTest {

    private final ExpandContractPlanner planner = ExpandContractPlanner.defaults(
            (t, c) -> t.equals("users") && c.equals("mail") ? Optional.of("varchar(200)") : Optional.empty());

    private static List<SqlStatement> stmts(String... sql) {
        return java.util.stream.IntStream.range(0, sql.length).mapToObj(i -> new SqlStatement(i + 1, i + 1, sql[i])).toList();
    }

    @Test
    void renameUsesTheKnownTypeAndNumbersFilesFromNextVersion() {
        ExpandContractPlan p = planner.plan("db/V3__rename.sql", stmts("ALTER TABLE users RENAME COLUMN mail TO email"), s -> true, 4);
        assertThat(p.files()).extracting(PhaseFile::fileName).containsExactly("V4__expand_rename_users_mail.sql",
                "V5__backfill_rename_users_mail.sql", "V6__contract_rename_users_mail.sql");
        assertThat(p.files().getFirst().statements()).contains("ALTER TABLE users ADD COLUMN email varchar(200)");
        assertThat(p.files()).allSatisfy(f -> assertThat(f.statements().getFirst()).isEqualTo("SET lock_timeout = '2000ms'"));
        assertThat(p.files().get(1).conf()).isEqualTo("executeInTransaction=false\n");
        assertThat(p.files().get(1).statements().get(1)).contains("batch constant bigint := 1000").contains("COMMIT;");
    }

    @Test
    void releasePlanMarksThePointOfNoReturnAfterContract() {
        ExpandContractPlan p = planner.plan("V3__x.sql", stmts("ALTER TABLE users DROP COLUMN mail"), s -> true, 4);
        String plan = p.releasePlan();
        int safe = plan.indexOf("Code rollback is safe up to here");
        int contract = plan.indexOf("V4__contract_drop_users_mail.sql");
        int noReturn = plan.indexOf("After this phase a code rollback is no longer safe");
        assertThat(safe).isPositive().isLessThan(contract);
        assertThat(noReturn).isGreaterThan(contract);
        assertThat(plan.indexOf("Release code that neither reads nor writes")).isLessThan(safe);
    }

    @Test
    void safeStatementsAreLeftAloneAndUnknownRiskyOnesReported() {
        ExpandContractPlan p = planner.plan("V3__x.sql", stmts("ALTER TABLE users ADD COLUMN n int NOT NULL DEFAULT 0",
                "VACUUM FULL users"), s -> s.index() == 2, 4);
        assertThat(p.isEmpty()).isTrue();
        assertThat(p.unplanned()).singleElement().asString().startsWith("Statement 2 (line 2)");
    }

    @Test
    void severalChangesShareThreeFilesNamedAfterTheSource() {
        ExpandContractPlan p = planner.plan("V3__tidy_users.sql", stmts("ALTER TABLE users DROP COLUMN a",
                "ALTER TABLE users ALTER COLUMN b SET NOT NULL"), s -> true, 10);
        assertThat(p.files()).extracting(PhaseFile::fileName).containsExactly("V10__contract_tidy_users.sql");
        assertThat(p.files().getFirst().transactional()).as("VALIDATE in its own transaction").isFalse();
        assertThat(p.files().getFirst().statements()).contains("ALTER TABLE users DROP COLUMN a",
                "ALTER TABLE users VALIDATE CONSTRAINT users_b_not_null");
    }

    @Test
    void addNotNullWithoutDefaultWarnsThatTheBackfillValueIsMissing() {
        ExpandContractPlan p = planner.plan("V3__x.sql", stmts("ALTER TABLE users ADD COLUMN n int NOT NULL"), s -> true, 4);
        assertThat(p.warnings()).anySatisfy(w -> assertThat(w).contains("has no DEFAULT"));
        assertThat(p.files()).extracting(PhaseFile::phase).containsExactly(Phase.EXPAND, Phase.CONTRACT);
    }
}
