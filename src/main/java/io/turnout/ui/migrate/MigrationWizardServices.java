package io.turnout.ui.migrate;

import io.turnout.db.DbUrl;
import io.turnout.docker.DockerHost;
import io.turnout.migrate.ClassifyOptions;
import io.turnout.migrate.FileClassification;
import io.turnout.migrate.MigrationReport;
import io.turnout.migrate.MigrationSource;
import io.turnout.plan.Plan;
import io.turnout.plan.PlanResult;
import io.turnout.plan.RunOptions;
import io.turnout.release.StackOperations;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What the migration wizard asks of the engine. Every method blocks (files, JDBC, pg_dump) and is
 * called through the wizard's task runner, never on the FX thread. The composition root adapts the
 * engine's classes ({@code MigrationSources}, {@code RuleClassifier}, {@code ShadowVerifier},
 * {@code ExpandContractPlanner}, {@code Backups}, {@code MigrationPlans}); tests hand in fixtures.
 */
public interface MigrationWizardServices {

    /**
     * These services bound to a stack: its database reached through the host's SSH session, runs
     * under the stack's lock and journal, its router for a maintenance window, pg_dump in its
     * database container when it names one. Blocks (reads the stack's definition).
     */
    StackMigration forStack(StackOperations stack, DockerHost host);

    /** A Flyway folder ({@code V<ver>__desc.sql}, {@code R__}, {@code U__}) or single files, in the order Flyway applies them. */
    List<MigrationSource> read(List<Path> paths) throws IOException;

    /** Classifies the files in order (what one file creates, the next one's verdict may depend on). */
    List<FileClassification> classify(List<MigrationSource> sources, ClassifyOptions options);

    /** The connected server's major version, e.g. 15. */
    int serverVersion(DbUrl db);

    /** Expand / migrate / contract files for the risky changes of {@code file}; empty when it needs none. */
    List<PlannedPhase> plan(FileClassification file, ClassifyOptions options);

    /** Writes the phases as Flyway files into {@code dir}; returns what it wrote. */
    List<Path> writeFlywayFiles(List<PlannedPhase> phases, Path dir) throws IOException;

    /** Runs each classified statement on a disposable copy of {@code db}'s schema, rolled back; one line per statement. */
    List<MigrationReport.ShadowLine> verify(List<FileClassification> files, DbUrl db);

    /** Takes a labelled backup of {@code db}; returns one sentence saying where it is and how big. */
    String backup(DbUrl db, String label);

    /** The plan that applies the migrations (Flyway with lock/statement timeouts, maintenance mode when asked). */
    Plan migrationPlan(MigrationRun run);

    /** Runs a plan through the one executor. */
    PlanResult execute(Plan plan, RunOptions options);

    /** The rows of a lock-wait detail a running migration published; null when {@code detail} is something else. */
    List<LockWaitRow> lockWaits(Object detail);
}
