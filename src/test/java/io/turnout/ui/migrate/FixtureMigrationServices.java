package io.turnout.ui.migrate;

import io.turnout.db.DbUrl;
import io.turnout.migrate.ClassifyOptions;
import io.turnout.migrate.FileClassification;
import io.turnout.migrate.LockLevel;
import io.turnout.migrate.MigrationClass;
import io.turnout.migrate.MigrationReport;
import io.turnout.migrate.MigrationSource;
import io.turnout.migrate.Operation;
import io.turnout.migrate.Rewrite;
import io.turnout.migrate.Risk;
import io.turnout.plan.Executor;
import io.turnout.plan.Plan;
import io.turnout.plan.PlanResult;
import io.turnout.plan.RunOptions;
import io.turnout.plan.Step;
import io.turnout.plan.StepContext;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fixed answers for the wizard's view-model tests: a statement starting with {@code CREATE INDEX}
 * (not CONCURRENTLY) is HIGH with its safe alternative, anything else LOW. Not the engine's rules,
 * only enough to drive every page; the real classifier is exercised by the UI IT and its own tests.
 * The run plan is real (the one {@link Executor}) and publishes a lock-wait detail mid-run.
 */
final class FixtureMigrationServices implements MigrationWizardServices {

    record Waits(List<LockWaitRow> rows) { }

    final List<String> calls = new ArrayList<>();
    int serverVersion = 15;
    MigrationRun planned;

    @Override
    public StackMigration forStack(io.turnout.release.StackOperations stack, io.turnout.docker.DockerHost host) {
        calls.add("forStack " + stack.stack());
        return new StackMigration(this, "jdbc:postgresql://db.internal:5432/app?user=app");
    }

    @Override
    public List<MigrationSource> read(List<Path> paths) {
        calls.add("read " + paths);
        return paths.stream().map(p -> new MigrationSource(p.getFileName().toString(), "CREATE INDEX i ON t (c)")).toList();
    }

    @Override
    public List<FileClassification> classify(List<MigrationSource> sources, ClassifyOptions options) {
        return sources.stream().map(s -> classify(s, options)).toList();
    }

    private FileClassification classify(MigrationSource source, ClassifyOptions options) {
        calls.add("classify " + source.name() + " pg" + options.pgVersion());
        List<Operation> ops = new ArrayList<>();
        int line = 1;
        for (String s : source.sql().split(";")) {
            if (s.isBlank()) {
                continue;
            }
            String sql = s.strip();
            boolean risky = sql.toUpperCase().startsWith("CREATE INDEX") && !sql.toUpperCase().contains("CONCURRENTLY");
            ops.add(new Operation(ops.size() + 1, line++, risky ? "CREATE_INDEX" : "OTHER", sql, List.of("t"),
                    risky ? LockLevel.SHARE : LockLevel.ACCESS_SHARE, Rewrite.NO, risky ? Risk.HIGH : Risk.LOW,
                    risky ? MigrationClass.RISKY : MigrationClass.SAFE, risky ? List.of("Blocks writes while it builds.") : List.of(),
                    risky ? sql.replaceFirst("(?i)CREATE INDEX", "CREATE INDEX CONCURRENTLY") : null, List.of()));
        }
        Risk risk = ops.stream().map(Operation::risk).reduce(Risk.LOW, Risk::max);
        MigrationClass c = ops.stream().map(Operation::migrationClass).reduce(MigrationClass.SAFE, MigrationClass::max);
        return new FileClassification(source.name(), true, risk, c, ops, List.of(), List.of());
    }

    @Override
    public int serverVersion(DbUrl db) {
        calls.add("version " + db.database());
        return serverVersion;
    }

    @Override
    public List<PlannedPhase> plan(FileClassification file, ClassifyOptions options) {
        return List.of(new PlannedPhase("expand", "V2_1__expand.sql", "ALTER TABLE t ADD COLUMN c2 int;", null, true),
                new PlannedPhase("migrate", "V2_2__backfill.sql", "UPDATE t SET c2 = c WHERE id < 1000;", "executeInTransaction=false\n", true),
                new PlannedPhase("contract", "V2_3__contract.sql", "ALTER TABLE t DROP COLUMN c;", null, false));
    }

    @Override
    public List<Path> writeFlywayFiles(List<PlannedPhase> phases, Path dir) {
        return phases.stream().map(p -> dir.resolve(p.fileName())).toList();
    }

    @Override
    public List<MigrationReport.ShadowLine> verify(List<FileClassification> files, DbUrl db) {
        return List.of(new MigrationReport.ShadowLine(files.getFirst().file(), 1, 1, "SHARE", "SHARE", true),
                new MigrationReport.ShadowLine(files.getFirst().file(), 2, 2, "ACCESS SHARE", "ACCESS EXCLUSIVE", false));
    }

    @Override
    public String backup(DbUrl db, String label) {
        calls.add("backup " + label);
        return "Backup " + label + " of " + db.database() + " written.";
    }

    @Override
    public Plan migrationPlan(MigrationRun run) {
        planned = run;
        Step migrate = new Step() {
            @Override public String id() { return "flyway-migrate"; }
            @Override public String title() { return "Apply " + run.sources().size() + " migrations with Flyway"; }
            @Override public boolean dangerous() { return true; }
            @Override public void apply(StepContext ctx) {
                ctx.detail(new Waits(List.of(new LockWaitRow(4711, "shop-web", "blocked by the migration", "4700 (flyway)", 1.5, "UPDATE orders SET ..."),
                        new LockWaitRow(4712, "shop-web", "blocked by the migration", "4700 (flyway)", 0.4, "SELECT ..."))));
                ctx.detail(new Waits(List.of()));
                ctx.log("migrated");
            }
        };
        return new Plan("migrate", "Migrate " + run.db().database(), Map.of(), List.of(migrate));
    }

    @Override
    public PlanResult execute(Plan plan, RunOptions options) {
        return new Executor(Clock.systemUTC()).run(plan, options);
    }

    @Override
    public List<LockWaitRow> lockWaits(Object detail) {
        return detail instanceof Waits w ? w.rows() : null;
    }
}
