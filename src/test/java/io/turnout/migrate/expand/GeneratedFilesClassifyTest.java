package io.turnout.migrate.expand;

import io.turnout.migrate.ClassifyOptions;
import io.turnout.migrate.Dialect;
import io.turnout.migrate.FileClassification;
import io.turnout.migrate.MigrationSource;
import io.turnout.migrate.Operation;
import io.turnout.migrate.RuleClassifier;
import io.turnout.migrate.SchemaCatalog;
import io.turnout.migrate.SqlSplitter;
import io.turnout.migrate.SqlStatement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated files are valid migrations: the project's splitter cuts them into exactly the
 * statements the planner wrote (dollar-quoted bodies intact), and the classifier finds nothing
 * risky in them except the contract phase's removal or rename of the old column, which is risky by design (it is the point
 * after which a code rollback is unsafe, and the release plan says so).
 */
class GeneratedFilesClassifyTest {

    private static final String SCHEMA = "CREATE TABLE users (id bigint PRIMARY KEY, mail varchar(200) NOT NULL, age int);";

    @ParameterizedTest
    @ValueSource(strings = {"ALTER TABLE users RENAME COLUMN mail TO email", "ALTER TABLE users ALTER COLUMN age TYPE bigint",
            "ALTER TABLE users DROP COLUMN age", "ALTER TABLE users ADD COLUMN joined timestamptz NOT NULL DEFAULT clock_timestamp()",
            "ALTER TABLE users ALTER COLUMN age SET NOT NULL"})
    void everyGeneratedStatementSplitsCleanlyAndOnlyTheContractRemovalIsRisky(String change) {
        ExpandContractPlan plan = ExpandContractPlanner.defaults((t, c) -> Optional.of("varchar(200)"))
                .plan("V1__change.sql", List.of(new SqlStatement(1, 1, change)), s -> true, 2);
        assertThat(plan.files()).isNotEmpty();
        SchemaCatalog catalog = SchemaCatalog.fromSql(SCHEMA, Dialect.POSTGRESQL);
        for (PhaseFile f : plan.files()) {
            SqlSplitter.Result split = SqlSplitter.split(f.sql(), Dialect.POSTGRESQL);
            assertThat(split.errors()).as(f.fileName()).isEmpty();
            assertThat(split.statements()).extracting(SqlStatement::text).as(f.fileName())
                    .containsExactlyElementsOf(f.statements());
            FileClassification fc = new RuleClassifier(catalog).classify(new MigrationSource(f.fileName(), f.sql()), ClassifyOptions.postgres(15));
            assertThat(fc.errors()).as(f.fileName()).isEmpty();
            for (Operation op : fc.operations()) {
                boolean removal = f.phase() == Phase.CONTRACT && (op.type().equals("DROP_COLUMN") || op.type().equals("RENAME_COLUMN"));
                if (!removal) {
                    assertThat(op.risk()).as("%s #%d %s %s %s", f.fileName(), op.index(), op.type(), op.rules(), op.warnings())
                            .isEqualTo(io.turnout.migrate.Risk.LOW);
                }
            }
        }
    }
}
