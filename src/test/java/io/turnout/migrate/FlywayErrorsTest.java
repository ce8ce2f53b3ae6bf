package io.turnout.migrate;

import io.turnout.db.DbUrl;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FlywayErrorsTest {

    private static final DbUrl URL = DbUrl.parse("jdbc:postgresql://db:5432/shop?user=u&password=hunter2");

    @Test
    void flywaysMultiLineErrorBecomesOneSentenceWithPostgresMessage() {
        FlywayException e = new FlywayException("""
                Migration V4__broken.sql failed
                -------------------------------
                SQL State  : 42601
                Error Code : 0
                Message    : ERROR: syntax error at or near "selec"
                  Position: 1
                Location   : /tmp/m/V4__broken.sql
                Line       : 2
                Statement  : selec 1""");

        assertThat(FlywayErrors.sentence(e, URL)).isEqualTo("Migration V4__broken.sql failed: ERROR: syntax error at or near \"selec\".");
    }

    @Test
    void aLockTimeoutSaysWhatItMeansAndUrlsAreMasked() {
        FlywayException e = new FlywayException("Migration V2__add.sql failed at jdbc:postgresql://db:5432/shop?user=u&password=hunter2\n"
                + "Message    : ERROR: canceling statement due to lock timeout\n");

        assertThat(FlywayErrors.sentence(e, URL)).contains("lock timeout (another session held a lock").doesNotContain("hunter2");
    }

    @Test
    void offendingStatementsNameFileLineTypeAndTheSaferWay() {
        Operation op = new Operation(0, 3, "ALTER_COLUMN_TYPE", "alter table t alter column c type text", List.of("t"), LockLevel.values()[LockLevel.values().length - 1],
                Rewrite.values()[0], Risk.HIGH, MigrationClass.MAINTENANCE, List.of(), "Expand/contract.", List.of("r"));
        FileClassification f = new FileClassification("V2__x.sql", true, Risk.HIGH, MigrationClass.MAINTENANCE, List.of(op), List.of(), List.of());

        assertThat(ClassifyStep.offending(List.of(f), MigrationClass.SAFE))
                .containsExactly("V2__x.sql:3 ALTER_COLUMN_TYPE is maintenance (safer: Expand/contract)");
        assertThat(ClassifyStep.offending(List.of(f), MigrationClass.MAINTENANCE)).isEmpty();
    }
}
