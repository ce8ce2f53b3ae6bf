package io.turnout.migrate;

import io.turnout.db.DbConnector;
import io.turnout.db.DbUrl;
import io.turnout.migrate.verify.FileVerification;
import io.turnout.testing.ScratchDatabase;
import io.turnout.migrate.verify.ShadowSession;
import io.turnout.migrate.verify.ShadowVerifier;
import io.turnout.migrate.verify.StatementCheck;
import io.turnout.migrate.verify.VerifyOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every corpus case marked {@code shadow: true}: its setup is committed, the classifier's verdict
 * on its SQL is computed as the CLI would (column types from the setup), then the shadow verifier
 * runs the SQL in-place inside a transaction it rolls back (the corpus README's shadow contract),
 * and the observed lock and rewrite of the described statement must agree with the verdict, as
 * the issue requires. Each case gets a schema of its own in one scratch database, or a database
 * of its own when its SQL names {@code public.} explicitly.
 */
class ShadowVerifierIT {

    private static ScratchDatabase shared;

    @BeforeAll
    static void database() {
        shared = ScratchDatabase.create("corpus");
    }

    @AfterAll
    static void drop() {
        if (shared != null) {
            shared.close();
        }
    }

    static Stream<CorpusCase> shadowCases() {
        List<CorpusCase> cases = CorpusCase.all().stream().filter(CorpusCase::shadow).toList();
        assertThat(cases).as("shadow cases in the corpus").isNotEmpty();
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shadowCases")
    void observedLockAndRewriteAgreeWithTheClassifier(CorpusCase c) throws SQLException {
        if ((c.setup() + c.sql()).toLowerCase(Locale.ROOT).contains("public.")) {
            try (ScratchDatabase own = ScratchDatabase.create("corpus")) {
                check(c, own.url());
            }
            return;
        }
        String schema = "c_" + c.id().replaceAll("[^A-Za-z0-9]", "_").toLowerCase(Locale.ROOT);
        shared.execute("CREATE SCHEMA " + schema);
        check(c, DbUrl.parse(shared.url().jdbcUrl() + "&currentSchema=" + schema));
    }

    private static void check(CorpusCase c, DbUrl url) throws SQLException {
        try (Connection conn = DbConnector.direct().open(url, "turnout-test"); Statement st = conn.createStatement()) {
            for (SqlStatement s : SqlSplitter.split(c.setup(), Dialect.POSTGRESQL).statements()) {
                st.execute(s.text());
            }
        }
        int pg = c.pgVersion().orElse(15);
        FileClassification verdict = new RuleClassifier(SchemaCatalog.fromSql(c.setup(), Dialect.POSTGRESQL))
                .classify(new MigrationSource(c.id() + ".sql", c.sql()), ClassifyOptions.postgres(pg));
        List<SqlStatement> statements = SqlSplitter.split(c.sql(), Dialect.POSTGRESQL).statements();
        int described = c.statement() != null ? c.statement() : statements.size();

        FileVerification v;
        try (ShadowSession session = new ShadowVerifier(DbConnector.direct()).open(url, new VerifyOptions(Duration.ofSeconds(2), true))) {
            v = session.verify(c.id(), statements, verdict.operations());
        }
        StatementCheck check = v.checks().stream().filter(x -> x.index() == described).findFirst().orElseThrow();
        Operation expected = check.expected();
        assertThat(expected).as("classifier verdict for statement %d", described).isNotNull();
        assertThat(check.error()).as("statement ran").isNull();
        assertThat(check.disagreements()).as("observed %s / rewrite %s vs classified %s / %s", check.observedLocks(),
                check.rewrittenTables(), expected.lockLevel(), expected.rewrites()).isEmpty();
    }
}
