package io.turnout.cli;

import io.turnout.db.ServerVersion;
import io.turnout.migrate.ClassifyOptions;
import io.turnout.migrate.FileClassification;
import io.turnout.migrate.MigrationClass;
import io.turnout.migrate.MigrationPlans;
import io.turnout.migrate.MigrationRequest;
import io.turnout.migrate.MigrationRow;
import io.turnout.migrate.MigrationTarget;
import io.turnout.stack.StackSpecs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

@Command(name = "run", description = {"Apply pending Flyway migrations with guard rails: classify (refuse anything above --type),",
        "validate, labelled backup, [maintenance on], migrate with lock/statement timeouts, [maintenance off], verify."},
        footer = {"", "Exit codes: 0 done (or dry run that would run), 1 failed, 2 usage/refused without --yes, 3 dry run that would be refused."})
final class MigrateRunCommand implements Callable<Integer> {

    @ParentCommand MigrateCommand parent;
    @Spec CommandSpec spec;
    @Mixin DbTarget target;
    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", description = "Flyway migrations folder (default: the stack's database.migrations).")
    Path path;
    @Option(names = "--type", required = true, paramLabel = "safe|risky|maintenance",
            description = "The highest migration class you accept; maintenance also puts the stack's router in maintenance mode while it runs.")
    String type;
    @Option(names = "--dry-run", description = "Print the plan, the pending migrations and their classification; change nothing.") boolean dryRun;
    @Option(names = {"-y", "--yes"}, description = "Run without asking.") boolean yes;
    @Option(names = "--timeout", paramLabel = "SECONDS", description = "statement_timeout for the migration's statements (default: none).") Long timeout;
    @Option(names = "--lock-timeout", paramLabel = "DURATION", defaultValue = "5s",
            description = "lock_timeout: how long a statement may wait for a lock before it fails (default 5s).") String lockTimeout;
    @Option(names = {"-l", "--label"}, paramLabel = "LABEL", description = "The backup's label (default migrate-<time>).") String label;
    @Option(names = "--restore-on-failure", description = "Restore the backup automatically when the migration fails.") boolean restoreOnFailure;
    @Option(names = "--pg-version", paramLabel = "N", description = "Classify for this PostgreSQL major version (default: the server's).") Integer pgVersion;

    @Override
    public Integer call() {
        MigrationClass asked = MigrationClass.parse(type);
        Duration lock = StackSpecs.parseDuration(lockTimeout);
        if (timeout != null && timeout <= 0) {
            throw new IllegalArgumentException("--timeout must be a positive number of seconds, not " + timeout + ".");
        }
        String backupLabel = label != null ? label
                : "migrate-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Clock.systemUTC().instant());
        try (DbSession s = DbSession.open(parent.root, target)) {
            MigrationRequest request = new MigrationRequest(s.migrations(path), asked, lock,
                    timeout == null ? Duration.ZERO : Duration.ofSeconds(timeout), backupLabel, restoreOnFailure);
            MigrationTarget t = s.migrationTarget();
            int major = pgVersion != null ? pgVersion : ServerVersion.major(s.connector(), s.url());
            MigrationPlans plans = new MigrationPlans(MigrationClassifiers.forDatabase(s.connector(), s.url()), ClassifyOptions.postgres(major),
                    BackupStore.of(parent.root, null), Clock.systemUTC());
            MigrationPlans.Preview preview = plans.plan(t, request);
            PrintWriter out = spec.commandLine().getOut();
            PlanRunner runner = new PlanRunner(out, yes);
            if (dryRun) {
                return dryRun(out, runner, preview);
            }
            if (preview.pending().isEmpty()) {
                out.println("Nothing to migrate: " + s.url().database() + " has no pending migration in " + request.folder() + ".");
                out.flush();
                return ExitCode.OK;
            }
            return s.run(runner, preview.plan());
        }
    }

    private static int dryRun(PrintWriter out, PlanRunner runner, MigrationPlans.Preview p) {
        runner.preview(p.plan());
        out.println("Pending migrations (" + p.pending().size() + "):");
        for (MigrationRow r : p.pending()) {
            out.println("  " + r.script());
        }
        out.println("Classification:");
        for (FileClassification f : p.verdicts()) {
            out.println("  " + f.file() + ": " + f.migrationClass().json() + ", risk " + f.risk());
            f.operations().forEach(op -> out.println("    line " + op.line() + ": " + op.type() + " " + op.migrationClass().json()
                    + ", lock " + op.lockLevel() + (op.safeAlternative() == null ? "" : "; safer: " + op.safeAlternative())));
        }
        if (!p.undoFiles().isEmpty()) {
            out.println("Undo files (not run by Flyway Community): " + String.join(", ", p.undoFiles()));
        }
        if (!p.refusals().isEmpty()) {
            out.println("Would be refused: " + String.join("; ", p.refusals()));
            out.println("Dry run: nothing was changed.");
            out.flush();
            return ExitCode.THRESHOLD;
        }
        out.println("Dry run: nothing was changed.");
        out.flush();
        return ExitCode.OK;
    }
}
