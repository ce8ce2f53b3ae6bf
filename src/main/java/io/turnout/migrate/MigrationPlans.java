package io.turnout.migrate;

import io.turnout.db.Backups;
import io.turnout.plan.Plan;
import io.turnout.plan.Step;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the plan of {@code turnout migrate run}: classify → flyway validate → labelled backup →
 * [maintenance on] → flyway migrate (timeouts, live lock waits) → [maintenance off] → verify.
 * Building it reads (pending migrations, their verdicts) but changes nothing, so a dry run is
 * the plan's preview. The one Executor runs it, under the stack's lock when there is a stack.
 */
public final class MigrationPlans {

    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final java.util.function.Supplier<MigrationClassifier> classifiers;
    private final ClassifyOptions classifyOptions;
    private final Backups backups;
    private final Clock clock;

    /**
     * @param classifiers a fresh classifier for each pass over the files (the rule classifier learns column
     *                    types from the files it reads, so one instance must not see the same files twice)
     */
    public MigrationPlans(java.util.function.Supplier<MigrationClassifier> classifiers, ClassifyOptions classifyOptions, Backups backups,
                          Clock clock) {
        this.classifiers = classifiers;
        this.classifyOptions = classifyOptions;
        this.backups = backups;
        this.clock = clock;
    }

    /** The Flyway runner a request implies (timeouts, an application_name unique to the run). */
    public static FlywayRunner flyway(MigrationTarget target, MigrationRequest request, String runId) {
        FlywaySettings settings = FlywaySettings.of(request.folder()).withTimeouts(request.lockTimeout(), request.statementTimeout())
                .withApplicationName("turnout-migrate-" + runId);
        return new FlywayRunner(target.connector(), target.url(), settings);
    }

    /**
     * @throws MigrationException when the plan cannot even be described (folder missing, database unreachable)
     * @throws IllegalArgumentException for a maintenance-type run without a stack router to put in maintenance
     */
    public Preview plan(MigrationTarget target, MigrationRequest request) {
        if (request.type() == MigrationClass.MAINTENANCE && !target.hasRouter()) {
            throw new IllegalArgumentException("A maintenance run puts the stack's router in maintenance mode, and this database has no"
                    + " stack: run it from the stack (turnout migrate run --host H --stack S, or the stack view's Migrate database…).");
        }
        String runId = "migrate-" + RUN_ID.format(clock.instant());
        FlywayRunner flyway = flyway(target, request, runId);
        MigrationRun run = new MigrationRun(request, target, flyway);
        run.backupsRoot = backups.root();
        PendingFiles pending = new PendingFiles(flyway, classifiers, classifyOptions);
        run.verdicts = pending.classify();

        List<Step> steps = new ArrayList<>();
        steps.add(new ClassifyStep(run, pending));
        steps.add(new ValidateStep(run));
        steps.add(new BackupStep(run, backups));
        if (request.type() == MigrationClass.MAINTENANCE) {
            steps.add(target.maintenanceOn());
        }
        steps.add(new FlywayMigrateStep(run, clock));
        if (request.type() == MigrationClass.MAINTENANCE) {
            steps.add(target.maintenanceOff());
        }
        steps.add(new VerifyStep(run));

        Map<String, String> params = new LinkedHashMap<>();
        params.put("kind", "migrate");
        params.put("runId", runId);
        if (target.stack() != null) {
            params.put("stack", target.stack());
        }
        params.put("database", target.url().masked());
        params.put("folder", request.folder().toString());
        params.put("type", request.type().json());
        params.put("label", request.label());
        // Another console rebuilds an interrupted run from these ids (see release.InterruptedMigration).
        params.put("steps", String.join(",", steps.stream().map(Step::id).toList()));
        String title = "Migrate " + target.url().database() + " (" + run.verdicts.size() + " pending, type " + request.type().json() + ")";
        return new Preview(new Plan("migrate", title, params, steps), flyway.pending(), run.verdicts,
                ClassifyStep.offending(run.verdicts, request.type()), flyway.undoFiles());
    }

    /**
     * A plan with what a dry run shows besides its steps.
     *
     * @param refusals statements above the requested type (the classify step will refuse the run)
     */
    public record Preview(Plan plan, List<MigrationRow> pending, List<FileClassification> verdicts, List<String> refusals,
                          List<String> undoFiles) {
        public Preview {
            pending = List.copyOf(pending);
            verdicts = List.copyOf(verdicts);
            refusals = List.copyOf(refusals);
            undoFiles = List.copyOf(undoFiles);
        }
    }
}
