package io.turnout.migrate.expand;

import io.turnout.migrate.SqlStatement;
import io.turnout.testing.ScratchDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applies generated expand → backfill → contract files to a real table with rows (ids with gaps,
 * a batch size that does not divide them) and checks the data survived, and that old and new code
 * writing between the phases both stay consistent.
 */
class ExpandContractPlannerIT {

    private ScratchDatabase db;
    private final ExpandContractPlanner planner = new ExpandContractPlanner(7, Duration.ofSeconds(2), ColumnTypes.unknown());

    @BeforeEach
    void createTable() {
        db = ScratchDatabase.create("plan");
        db.execute("CREATE TABLE users (id bigint PRIMARY KEY, mail text NOT NULL, age int)",
                "INSERT INTO users SELECT g * 3, 'u' || g || '@x', g FROM generate_series(1, 100) g");
    }

    @AfterEach
    void drop() {
        db.close();
    }

    private ExpandContractPlan plan(String sql) {
        return planner.plan("V7__change.sql", List.of(new SqlStatement(1, 1, sql)), s -> true, 8);
    }

    private void apply(PhaseFile f) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(!f.transactional());
            for (String s : f.statements()) {
                st.execute(s);
            }
            if (f.transactional()) {
                c.commit();
            }
        }
    }

    private String one(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void renameKeepsEveryValueAndBothCodeVersionsStayInStep() throws Exception {
        ExpandContractPlan p = plan("ALTER TABLE users RENAME COLUMN mail TO email");
        assertThat(p.files()).extracting(PhaseFile::fileName).containsExactly(
                "V8__expand_rename_users_mail.sql", "V9__backfill_rename_users_mail.sql", "V10__contract_rename_users_mail.sql");
        apply(p.files().get(0));
        db.execute("INSERT INTO users (id, mail) VALUES (1000, 'old-code@x')",
                "INSERT INTO users (id, mail, email) VALUES (1001, 'new-code@x', 'new-code@x')",
                "UPDATE users SET mail = 'changed-by-old@x' WHERE id = 3");
        apply(p.files().get(1));
        assertThat(one("SELECT count(*) FROM users WHERE email IS DISTINCT FROM mail")).isEqualTo("0");
        apply(p.files().get(2));
        assertThat(one("SELECT count(*) FROM users WHERE email LIKE 'u%@x'")).isEqualTo("99");
        assertThat(one("SELECT email FROM users WHERE id = 3")).isEqualTo("changed-by-old@x");
        assertThat(one("SELECT email FROM users WHERE id = 1000")).isEqualTo("old-code@x");
        assertThat(one("SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'mail'")).isEqualTo("0");
    }

    @Test
    void typeChangeKeepsValuesAndSwapsTheColumn() throws Exception {
        ExpandContractPlan p = plan("ALTER TABLE users ALTER COLUMN age TYPE bigint");
        apply(p.files().get(0));
        db.execute("INSERT INTO users (id, mail, age) VALUES (1000, 'a@x', 42)");
        apply(p.files().get(1));
        apply(p.files().get(2));
        assertThat(one("SELECT data_type FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'age'")).isEqualTo("bigint");
        assertThat(one("SELECT sum(age) FROM users")).isEqualTo(Long.toString(5050 + 42));
    }

    @Test
    void addNotNullColumnWithVolatileDefaultIsBackfilledThenValidated() throws Exception {
        ExpandContractPlan p = plan("ALTER TABLE users ADD COLUMN joined timestamptz NOT NULL DEFAULT clock_timestamp()");
        assertThat(p.files()).extracting(PhaseFile::transactional).containsExactly(true, false, false);
        for (PhaseFile f : p.files()) {
            apply(f);
        }
        assertThat(one("SELECT count(*) FROM users WHERE joined IS NULL")).isEqualTo("0");
        assertThat(one("SELECT is_nullable FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'joined'")).isEqualTo("NO");
        assertThat(one("SELECT count(*) FROM pg_constraint WHERE conname = 'users_joined_not_null'")).isEqualTo("0");
    }

    @Test
    void dropColumnIsOnlyAContractAfterTheCodeStoppedUsingIt() throws Exception {
        ExpandContractPlan p = plan("ALTER TABLE users DROP COLUMN age");
        assertThat(p.files()).extracting(PhaseFile::phase).containsExactly(Phase.CONTRACT);
        assertThat(p.releasePlan()).contains("1. Release code that neither reads nor writes `age`.");
        apply(p.files().getFirst());
        assertThat(one("SELECT count(*) FROM users WHERE mail LIKE 'u%@x'")).isEqualTo("100");
        assertThat(one("SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'age'")).isEqualTo("0");
    }

    @Test
    void setNotNullFailsLoudlyOnExistingNulls() throws Exception {
        db.execute("UPDATE users SET age = NULL WHERE id = 6");
        ExpandContractPlan p = plan("ALTER TABLE users ALTER COLUMN age SET NOT NULL");
        PhaseFile contract = p.files().getFirst();
        List<String> errors = new ArrayList<>();
        try {
            apply(contract);
        } catch (SQLException e) {
            errors.add(e.getSQLState());
        }
        assertThat(errors).containsExactly("23514");
        db.execute("UPDATE users SET age = 0 WHERE age IS NULL", "ALTER TABLE users DROP CONSTRAINT users_age_not_null");
        apply(contract);
        assertThat(one("SELECT is_nullable FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'age'")).isEqualTo("NO");
    }
}
