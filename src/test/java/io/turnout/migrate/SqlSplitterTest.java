package io.turnout.migrate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every quoting construct that may hide a semicolon, and the line each statement starts on. */
class SqlSplitterTest {

    private static List<SqlStatement> pg(String sql) {
        SqlSplitter.Result r = SqlSplitter.split(sql, Dialect.POSTGRESQL);
        assertThat(r.errors()).isEmpty();
        return r.statements();
    }

    private static List<SqlStatement> my(String sql) {
        SqlSplitter.Result r = SqlSplitter.split(sql, Dialect.MYSQL);
        assertThat(r.errors()).isEmpty();
        return r.statements();
    }

    @Test
    void splitsOnSemicolonsAndReportsTheLineOfEachStatementsFirstToken() {
        List<SqlStatement> s = pg("-- header\nCREATE TABLE a (id int);\n\n  /* c */ ALTER TABLE a\n ADD COLUMN b text;\nSELECT 1");
        assertThat(s).extracting(SqlStatement::line).containsExactly(2, 4, 6);
        assertThat(s).extracting(SqlStatement::index).containsExactly(1, 2, 3);
        assertThat(s.get(1).text()).isEqualTo("ALTER TABLE a\n ADD COLUMN b text");
    }

    @Test
    void semicolonInStandardStringWithDoubledQuoteDoesNotSplit() {
        assertThat(pg("INSERT INTO t VALUES ('it''s; fine'); SELECT 2;")).hasSize(2)
                .first().extracting(SqlStatement::text).isEqualTo("INSERT INTO t VALUES ('it''s; fine')");
    }

    @Test
    void escapeStringKeepsBackslashQuoteInside() {
        assertThat(pg("SELECT E'a\\'; b'; SELECT 'c\\'; SELECT 3;")).extracting(SqlStatement::text)
                .containsExactly("SELECT E'a\\'; b'", "SELECT 'c\\'", "SELECT 3");
    }

    @Test
    void quotedIdentifierMayContainSemicolonAndDoubledQuotes() {
        assertThat(pg("CREATE TABLE \"we;ird\"\"t\" (id int); SELECT 1;")).hasSize(2);
    }

    @Test
    void dollarQuotedFunctionBodyStaysOneStatement() {
        String fn = "CREATE FUNCTION f() RETURNS int AS $$ BEGIN PERFORM 1; RETURN 2; END; $$ LANGUAGE plpgsql;\nSELECT f();";
        List<SqlStatement> s = pg(fn);
        assertThat(s).hasSize(2);
        assertThat(s.get(1).line()).isEqualTo(2);
    }

    @Test
    void taggedDollarQuotesNestAnUntaggedOne() {
        String sql = "DO $fn$ BEGIN EXECUTE $$SELECT 1; SELECT 2$$; END $fn$;\nSELECT 3;";
        assertThat(pg(sql)).extracting(SqlStatement::text).containsExactly(
                "DO $fn$ BEGIN EXECUTE $$SELECT 1; SELECT 2$$; END $fn$", "SELECT 3");
    }

    @Test
    void positionalParameterAndDollarInIdentifierAreNotDollarQuotes() {
        assertThat(pg("PREPARE p AS SELECT $1; SELECT a$b$ FROM t; SELECT 4;")).hasSize(3);
    }

    @Test
    void blockCommentsNest() {
        assertThat(pg("/* outer /* inner; */ still; */ SELECT 1; SELECT 2;")).extracting(SqlStatement::text)
                .containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void lineCommentHidesSemicolon() {
        assertThat(pg("SELECT 1 -- not; the end\n+ 1; SELECT 2;")).hasSize(2);
    }

    @Test
    void copyFromStdinDataRunsToBackslashDot() {
        String sql = "COPY t (a, b) FROM stdin;\n1\tx;y\n2\t'z\n\\.\nSELECT 1;";
        List<SqlStatement> s = pg(sql);
        assertThat(s).extracting(SqlStatement::text).containsExactly("COPY t (a, b) FROM stdin", "SELECT 1");
        assertThat(s.get(1).line()).isEqualTo(5);
    }

    @Test
    void beginAtomicBodyStaysOneStatement() {
        String sql = "CREATE FUNCTION g(a int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END; SELECT 2; END;\nSELECT 5;";
        List<SqlStatement> s = pg(sql);
        assertThat(s).hasSize(2);
        assertThat(s.get(0).text()).endsWith("SELECT 2; END");
    }

    @Test
    void transactionBeginIsAStatementOfItsOwn() {
        assertThat(pg("BEGIN; CREATE INDEX i ON t (a); COMMIT;")).hasSize(3);
    }

    @Test
    void unterminatedStringIsAnErrorAtItsOpeningLine() {
        SqlSplitter.Result r = SqlSplitter.split("SELECT 1;\nSELECT 'open;\nmore", Dialect.POSTGRESQL);
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.message()).contains("Unterminated string");
        });
        assertThat(r.statements()).hasSize(1);
    }

    @Test
    void unterminatedCommentDollarQuoteAndIdentifierAreErrors() {
        assertThat(SqlSplitter.split("\n/* never closed", Dialect.POSTGRESQL).errors()).extracting(SqlError::line).containsExactly(2);
        assertThat(SqlSplitter.split("DO $x$ BEGIN END", Dialect.POSTGRESQL).errors()).singleElement()
                .extracting(SqlError::message).asString().contains("$x$");
        assertThat(SqlSplitter.split("SELECT \"abc", Dialect.POSTGRESQL).errors()).hasSize(1);
        assertThat(SqlSplitter.split("COPY t FROM stdin;\n1\n", Dialect.POSTGRESQL).errors()).hasSize(1);
    }

    @Test
    void mysqlDelimiterChangeKeepsProcedureBodyTogether() {
        String sql = "CREATE TABLE a (id int);\nDELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END//\nDELIMITER ;\nSELECT 3;";
        List<SqlStatement> s = my(sql);
        assertThat(s).extracting(SqlStatement::line).containsExactly(1, 3, 5);
        assertThat(s.get(1).text()).isEqualTo("CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END");
    }

    @Test
    void mysqlBackticksHashCommentsAndBackslashEscapes() {
        String sql = "# comment; here\nALTER TABLE `we;ird` ADD COLUMN c int; INSERT INTO t VALUES ('a\\'; b', \"x;\"); -- done;\nSELECT 1";
        assertThat(my(sql)).extracting(SqlStatement::text).containsExactly(
                "ALTER TABLE `we;ird` ADD COLUMN c int", "INSERT INTO t VALUES ('a\\'; b', \"x;\")", "SELECT 1");
    }

    @Test
    void mysqlDoubleDashNeedsASpaceToBeAComment() {
        assertThat(my("SELECT 1--2; SELECT 3;")).hasSize(2);
    }
}
