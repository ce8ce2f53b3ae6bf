package io.turnout.migrate;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** Malformed input never crashes the classifier: every prefix of every corpus migration yields a report. */
class ClassifierRobustnessTest {

    @Test
    void everyPrefixOfEveryCorpusMigrationIsClassifiedOrReportedNeverThrown() {
        List<CorpusCase> cases = CorpusCase.all();
        int classified = 0;
        for (CorpusCase c : cases) {
            String sql = c.sql();
            for (int end = 0; end <= sql.length(); end += Math.max(1, sql.length() / 40)) {
                String prefix = sql.substring(0, end);
                FileClassification fc = new RuleClassifier().classify(new MigrationSource("p.sql", prefix),
                        new ClassifyOptions(c.dialect(), OptionalInt.empty()));
                assertThat(fc.errors()).as("%s prefix %d", c.id(), end)
                        .noneMatch(e -> e.message().startsWith("Could not read this statement"));
                classified++;
            }
        }
        assertThat(classified).isGreaterThan(cases.size() * 20);
    }

    @Test
    void syntaxErrorKeepsTheOtherStatementsClassified() {
        FileClassification fc = new RuleClassifier().classify(new MigrationSource("m.sql",
                "ALTER TABLE a ADD COLUMN b text;\nALTER TABLE ADD COLUMN;\nCREATE INDEX i ON a (b);"), ClassifyOptions.postgres(15));
        assertThat(fc.valid()).isFalse();
        assertThat(fc.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.message()).contains("table name");
        });
        assertThat(fc.operations()).extracting(Operation::type).containsExactly("ADD_COLUMN", "CREATE_INDEX");
    }

    @Test
    void fileVerdictIsTheWorstStatement() {
        FileClassification fc = new RuleClassifier().classify(new MigrationSource("m.sql",
                "SET lock_timeout = '1s';\nALTER TABLE a ADD COLUMN b text;\nALTER TABLE a RENAME COLUMN c TO d;"), ClassifyOptions.postgres(15));
        assertThat(fc.risk()).isEqualTo(Risk.HIGH);
        assertThat(fc.migrationClass()).isEqualTo(MigrationClass.RISKY);
        assertThat(fc.warnings()).isEmpty();
    }

    @Test
    void flywayFolderOrderLetsALaterFileKnowTheColumnTypeAnEarlierOneCreated() {
        RuleClassifier classifier = new RuleClassifier();
        classifier.classify(new MigrationSource("V1__t.sql", "CREATE TABLE t (id bigint, name varchar(10));"), ClassifyOptions.postgres(15));
        FileClassification v2 = classifier.classify(new MigrationSource("V2__widen.sql",
                "ALTER TABLE t ALTER COLUMN name TYPE varchar(40);"), ClassifyOptions.postgres(15));
        assertThat(v2.operations().get(0).rewrites()).isEqualTo(Rewrite.NO);
    }
}
