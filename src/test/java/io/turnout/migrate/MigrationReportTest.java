package io.turnout.migrate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationReportTest {

    private static final Operation INDEX = new Operation(1, 3, "CREATE_INDEX", "CREATE INDEX orders_user ON orders (user_id)",
            List.of("orders"), LockLevel.SHARE, Rewrite.NO, Risk.HIGH, MigrationClass.RISKY,
            List.of("Blocks writes to orders | while the index builds."), "CREATE INDEX CONCURRENTLY orders_user ON orders (user_id);",
            List.of("create-index-non-concurrently"));
    private static final Operation COMMENT = new Operation(2, 5, "COMMENT", "COMMENT ON TABLE orders IS '<x>'",
            List.of("orders"), LockLevel.SHARE_UPDATE_EXCLUSIVE, Rewrite.NO, Risk.LOW, MigrationClass.SAFE,
            List.of(), null, List.of());
    private static final FileClassification FILE = new FileClassification("V2__orders.sql", true, Risk.HIGH,
            MigrationClass.RISKY, List.of(INDEX, COMMENT), List.of(), List.of());

    @Test
    void markdownHasTheVerdictOneRowPerStatementAndTheSafeAlternative() {
        String md = new MigrationReport(List.of(FILE)).markdown();

        assertThat(md).contains("Verdict: **HIGH** risk, class **risky** (1 file).")
                .contains("## V2__orders.sql")
                .contains("| 1 | 3 | CREATE_INDEX | orders | SHARE | no | HIGH | risky |")
                .contains("| 2 | 5 | COMMENT | orders | SHARE UPDATE EXCLUSIVE | no | LOW | safe |")
                .contains("```sql\nCREATE INDEX CONCURRENTLY orders_user ON orders (user_id);\n```")
                .contains("- Blocks writes to orders | while the index builds.")
                .doesNotContain("### Statement 2")
                .doesNotContain("Shadow check");
    }

    @Test
    void shadowSectionCountsDisagreements() {
        var shadow = List.of(new MigrationReport.ShadowLine("V2__orders.sql", 1, 3, "SHARE", "SHARE", true),
                new MigrationReport.ShadowLine("V2__orders.sql", 2, 5, "SHARE UPDATE EXCLUSIVE", "ACCESS EXCLUSIVE", false));
        String md = new MigrationReport(List.of(FILE), shadow, "jdbc:postgresql://db:5432/shop?user=app&password=***").markdown();

        assertThat(md).contains("## Shadow check against jdbc:postgresql://db:5432/shop")
                .contains("1 of 2 statements behaved differently from their static verdict.")
                .contains("| V2__orders.sql | 2 | 5 | SHARE UPDATE EXCLUSIVE | ACCESS EXCLUSIVE | **no** |");
    }

    @Test
    void htmlEscapesSqlAndColoursRisk() {
        String html = new MigrationReport(List.of(FILE)).html();

        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("<td class=\"HIGH\">HIGH</td>")
                .contains("<td class=\"LOW\">LOW</td>")
                .contains("<pre>CREATE INDEX CONCURRENTLY orders_user ON orders (user_id);</pre>");
        FileClassification odd = new FileClassification("V3__a<b>&c.sql", true, Risk.LOW, MigrationClass.SAFE, List.of(), List.of(), List.of());
        assertThat(new MigrationReport(List.of(odd)).html()).contains("<h2>V3__a&lt;b&gt;&amp;c.sql</h2>").doesNotContain("a<b>");
    }

    @Test
    void renderPicksTheFormatFromTheFileName() {
        MigrationReport r = new MigrationReport(List.of(FILE));
        assertThat(r.render("report.HTML")).startsWith("<!DOCTYPE html>");
        assertThat(r.render("report.md")).startsWith("# Migration report");
    }

    @Test
    void noFilesIsALowSafeReport() {
        MigrationReport r = new MigrationReport(List.of());
        assertThat(r.risk()).isEqualTo(Risk.LOW);
        assertThat(r.migrationClass()).isEqualTo(MigrationClass.SAFE);
    }
}
