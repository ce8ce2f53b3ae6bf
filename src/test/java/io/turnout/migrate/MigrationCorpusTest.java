package io.turnout.migrate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs every corpus case through the rule classifier and compares with the expectation written for it. */
class MigrationCorpusTest {

    static List<CorpusCase> cases() {
        return CorpusCase.all();
    }

    @Test
    void corpusIsLargeUniqueAndEveryCaseStatesItsFact() {
        List<CorpusCase> all = cases();
        assertThat(all).hasSizeGreaterThanOrEqualTo(90);
        Set<String> ids = new HashSet<>();
        for (CorpusCase c : all) {
            assertThat(ids.add(c.id())).as("duplicate id %s", c.id()).isTrue();
            assertThat(c.fact()).as("fact of %s", c.id()).isNotBlank();
            assertThat(c.sql()).as("sql of %s", c.id()).isNotBlank();
        }
        assertThat(all.stream().filter(CorpusCase::shadow).count()).isGreaterThanOrEqualTo(40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void classifiesAsDocumented(CorpusCase c) {
        SchemaCatalog catalog = SchemaCatalog.fromSql(c.setup(), c.dialect());
        FileClassification fc = new RuleClassifier(catalog)
                .classify(new MigrationSource(c.id() + ".sql", c.sql()), new ClassifyOptions(c.dialect(), c.pgVersion()));
        Map<String, Object> e = c.expect();
        if (e.containsKey("error")) {
            assertThat(fc.valid()).isFalse();
            assertThat(fc.errors()).extracting(SqlError::line).contains((Integer) e.get("error"));
            return;
        }
        assertThat(fc.errors()).as("errors").isEmpty();
        assertThat(fc.valid()).isTrue();
        List<Operation> ops = fc.operations();
        Operation op = c.statement() == null ? ops.get(ops.size() - 1) : ops.get(c.statement() - 1);
        assertThat(op.type()).as("type").isEqualTo(e.get("type"));
        assertThat(op.tables()).as("tables").containsExactlyElementsOf(strings(e.get("tables")));
        assertThat(op.lockLevel().sqlName()).as("lockLevel").isEqualTo(e.get("lockLevel"));
        assertThat(op.rewrites().json()).as("rewrites").isEqualTo(rewrite(e.get("rewrites")));
        assertThat(op.risk().name()).as("risk").isEqualTo(e.get("risk"));
        assertThat(op.migrationClass().json()).as("class").isEqualTo(e.get("class"));
        assertThat(op.rules()).as("rules").containsExactlyInAnyOrderElementsOf(strings(e.get("rules")));
        if (!op.rules().isEmpty() || op.risk() != Risk.LOW) {
            assertThat(op.warnings()).as("a fired rule explains itself").isNotEmpty();
        }
        if (c.fileWarning() != null) {
            assertThat(String.join("\n", fc.warnings())).contains(c.fileWarning());
        }
        if (c.noFileWarning() != null) {
            assertThat(String.join("\n", fc.warnings())).doesNotContain(c.noFileWarning());
        }
        assertThat(fc.risk().compareTo(op.risk())).as("file verdict is at least this statement's").isGreaterThanOrEqualTo(0);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object o) {
        return o == null ? List.of() : (List<String>) o;
    }

    /** YAML 1.1 reads bare yes/no as booleans. */
    private static String rewrite(Object o) {
        return o instanceof Boolean b ? (b ? "yes" : "no") : (String) o;
    }
}
