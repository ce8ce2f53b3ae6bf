package io.turnout.ui.migrate;

import io.turnout.activity.ActivityLog;
import io.turnout.migrate.MigrationClass;
import io.turnout.migrate.Risk;
import io.turnout.plan.StepStatus;
import io.turnout.ui.common.ImmediateTaskRunner;
import io.turnout.ui.migrate.MigrationWizardViewModel.Page;
import io.turnout.ui.stack.run.RunViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationWizardViewModelTest {

    private static final String DB = "jdbc:postgresql://127.0.0.1:5432/shop?user=app&password=secret";
    private static final String SQL = "CREATE INDEX orders_user ON orders (user_id);\nCOMMENT ON TABLE orders IS 'x';";

    private final FixtureMigrationServices services = new FixtureMigrationServices();
    private final ActivityLog activity = new ActivityLog(Clock.systemUTC());

    private MigrationWizardViewModel wizard(String stack, String db) {
        return new MigrationWizardViewModel(services, new ImmediateTaskRunner(),
                new RunViewModel(new ImmediateTaskRunner(), Runnable::run, activity, "prod-1"), stack, db);
    }

    private MigrationWizardViewModel classified(String stack, String db) {
        MigrationWizardViewModel vm = wizard(stack, db);
        vm.input().pastedProperty().set(SQL);
        vm.next();
        return vm;
    }

    @Test
    void pastedSqlIsClassifiedWithoutADatabaseAndTheRiskyRowIsSelected() {
        MigrationWizardViewModel vm = wizard(null, null);
        assertThat(vm.nextLabelBinding().get()).isEqualTo("Classify");

        vm.next();
        assertThat(vm.errorProperty().get()).isEqualTo("Paste the SQL to classify.");
        assertThat(vm.pageProperty().get()).isEqualTo(Page.SOURCE);

        vm.input().pastedProperty().set(SQL);
        vm.next();

        assertThat(vm.pageProperty().get()).isEqualTo(Page.CLASSIFY);
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.rows()).extracting(r -> r.op().risk()).containsExactly(Risk.HIGH, Risk.LOW);
        assertThat(vm.riskProperty().get()).isEqualTo(Risk.HIGH);
        assertThat(vm.selectedProperty().get().alternative()).isEqualTo("CREATE INDEX CONCURRENTLY orders_user ON orders (user_id)");
        assertThat(vm.selectedProperty().get().explanation()).contains("takes SHARE on t").contains("• Blocks writes while it builds.");
        assertThat(vm.verdictProperty().get()).startsWith("HIGH risk, risky: 2 statements in 1 file for an unknown PostgreSQL version");
        assertThat(services.calls).containsExactly("classify pasted.sql pgOptionalInt.empty");
    }

    @Test
    void versionComesFromTheServerWhenADatabaseIsGivenOrFromTheBox() {
        MigrationWizardViewModel vm = classified(null, DB);
        assertThat(services.calls).containsExactly("version shop", "classify pasted.sql pgOptionalInt[15]");
        assertThat(vm.verdictProperty().get()).contains("for PostgreSQL 15");

        services.calls.clear();
        MigrationWizardViewModel typed = wizard(null, DB);
        typed.input().pastedProperty().set(SQL);
        typed.input().pgVersionProperty().set("11");
        typed.next();
        assertThat(services.calls).containsExactly("classify pasted.sql pgOptionalInt[11]");

        MigrationWizardViewModel bad = wizard(null, null);
        bad.input().pastedProperty().set(SQL);
        bad.input().pgVersionProperty().set("fifteen");
        bad.next();
        assertThat(bad.errorProperty().get()).startsWith("PostgreSQL version must be a major version");
    }

    @Test
    void planSaysAfterWhichPhaseACodeRollbackIsNoLongerSafe() {
        MigrationWizardViewModel vm = classified(null, null);
        vm.next();

        assertThat(vm.pageProperty().get()).isEqualTo(Page.PLAN);
        assertThat(vm.checks().phases()).extracting(PlannedPhase::phase).containsExactly("expand", "migrate", "contract");
        assertThat(vm.checks().planNoteProperty().get())
                .startsWith("A code rollback stops being safe after phase 3 (contract, V2_3__contract.sql)");
    }

    @Test
    void shadowAndBackupNeedADatabaseAndReportDisagreements() {
        MigrationWizardViewModel none = classified(null, null);
        assertThat(none.checks().hasDatabase()).isFalse();
        none.checks().runBackup();
        assertThat(none.checks().backupResultProperty().get()).startsWith("Enter a database URL");

        MigrationWizardViewModel vm = classified(null, DB);
        vm.checks().runShadow();
        assertThat(vm.checks().shadowSummaryProperty().get())
                .isEqualTo("1 of 2 statements behaved differently from their static verdict: read them before running.");
        assertThat(vm.checks().backupLabelProperty().get()).isEqualTo("before-pasted");
        vm.checks().backupLabelProperty().set("bad label");
        vm.checks().runBackup();
        assertThat(vm.checks().backupResultProperty().get()).startsWith("A backup label is letters");
        vm.checks().backupLabelProperty().set("before-v42");
        vm.checks().runBackup();
        assertThat(vm.checks().backupResultProperty().get()).isEqualTo("Backup before-v42 of shop written.");
    }

    @Test
    void runButtonNamesCountWhereAndHowThenTheRunShowsLockWaitsAndEndsInTheSummary() {
        MigrationWizardViewModel vm = classified("shop", DB);
        vm.next(); // plan
        vm.next(); // shadow
        vm.next(); // backup
        vm.next(); // preview

        assertThat(vm.pageProperty().get()).isEqualTo(Page.EXECUTE);
        assertThat(vm.nextLabelBinding().get()).isEqualTo("Run 1 migration on shop (expand/contract)");
        assertThat(services.planned.type()).isEqualTo(MigrationClass.RISKY);
        assertThat(services.planned.stack()).isEqualTo("shop");
        assertThat(vm.run().steps()).hasSize(1);
        assertThat(vm.canBackBinding().get()).isTrue();

        vm.next();

        assertThat(vm.pageProperty().get()).isEqualTo(Page.SUMMARY);
        assertThat(vm.run().steps().getFirst().statusProperty().get()).isEqualTo(StepStatus.DONE);
        assertThat(vm.checks().lockWaits()).isEmpty(); // the last detail said nobody waits any more
        assertThat(vm.checks().mostBlockedProperty().get()).isEqualTo(2);
        assertThat(vm.summaryProperty().get()).isEqualTo("Applied 1 migration to shop. Up to 2 sessions waited for its locks at once.");
        assertThat(vm.canBackBinding().get()).isFalse();
        assertThat(vm.nextLabelBinding().get()).isEqualTo("Close");
        vm.next();
        assertThat(vm.doneProperty().get()).isTrue();
    }

    @Test
    void runNeedsADatabase() {
        MigrationWizardViewModel vm = classified(null, null);
        vm.next();
        vm.next();
        vm.next();
        vm.next();
        assertThat(vm.pageProperty().get()).isEqualTo(Page.BACKUP);
        assertThat(vm.errorProperty().get()).startsWith("Enter the database URL on the first page");
    }

    @Test
    void reportIsExportedWithTheShadowResultsAndWithoutThePassword(@TempDir Path dir) throws Exception {
        MigrationWizardViewModel vm = classified(null, DB);
        vm.checks().runShadow();

        vm.exportReport(dir.resolve("report.md"));
        vm.exportReport(dir.resolve("report.html"));

        String md = Files.readString(dir.resolve("report.md"));
        assertThat(md).contains("| 1 | 1 | CREATE_INDEX | t | SHARE | no | HIGH | risky |").contains("## Shadow check against")
                .doesNotContain("secret");
        assertThat(Files.readString(dir.resolve("report.html"))).startsWith("<!DOCTYPE html>");
        assertThat(vm.noticeProperty().get()).isEqualTo("Report written to " + dir.resolve("report.html") + ".");
    }

    @Test
    void foldersAreReadThroughTheServices() {
        MigrationWizardViewModel vm = wizard(null, null);
        vm.input().kindProperty().set(MigrationInput.Kind.FOLDER);
        vm.next();
        assertThat(vm.errorProperty().get()).isEqualTo("Choose the Flyway migrations folder.");

        vm.input().paths().setAll(List.of(Path.of("/m/V1__a.sql"), Path.of("/m/V2__b.sql")));
        vm.next();
        assertThat(vm.files()).extracting(f -> f.file()).containsExactly("V1__a.sql", "V2__b.sql");
    }
}
