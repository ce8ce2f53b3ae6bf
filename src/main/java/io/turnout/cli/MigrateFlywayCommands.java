package io.turnout.cli;

import io.turnout.migrate.FlywayAdminStep;
import io.turnout.migrate.FlywayRunner;
import io.turnout.migrate.FlywaySettings;
import io.turnout.migrate.MigrationRow;
import io.turnout.plan.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code turnout migrate info|validate|baseline|repair}: Flyway's own verbs with Turnout's settings. */
final class MigrateFlywayCommands {

    private MigrateFlywayCommands() {
    }

    /** What the four verbs share: the database and the migrations folder. */
    abstract static class Base implements Callable<Integer> {
        @ParentCommand MigrateCommand parent;
        @Spec CommandSpec spec;
        @Mixin DbTarget target;
        @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", description = "Flyway migrations folder (default: the stack's database.migrations).")
        Path path;

        @Override
        public Integer call() {
            try (DbSession s = DbSession.open(parent.root, target)) {
                FlywayRunner flyway = new FlywayRunner(s.connector(), s.url(), FlywaySettings.of(s.migrations(path)));
                return run(s, flyway, spec.commandLine().getOut());
            }
        }

        abstract int run(DbSession s, FlywayRunner flyway, PrintWriter out);
    }

    @Command(name = "info", description = "List migrations and their state (pending, success, failed, baseline...).")
    static final class Info extends Base {
        @Option(names = "--json", description = "Print JSON.") boolean json;

        @Override
        int run(DbSession s, FlywayRunner flyway, PrintWriter out) {
            List<MigrationRow> rows = flyway.info();
            if (json) {
                Json.print(out, Map.of("migrations", rows, "undoFiles", flyway.undoFiles()));
                return ExitCode.OK;
            }
            TextTable t = new TextTable("VERSION", "DESCRIPTION", "STATE", "INSTALLED", "SCRIPT");
            rows.forEach(r -> t.add(r.version() == null ? "(repeatable)" : r.version(), r.description(), r.state(),
                    r.installedOn() == null ? "" : r.installedOn().toString(), r.script()));
            t.print(out);
            flyway.undoFiles().forEach(u -> out.println("undo file (not run by Flyway Community): " + u));
            out.flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "validate", description = "Check applied migrations against their files (checksums, missing, failed).")
    static final class Validate extends Base {
        @Option(names = "--allow-pending", description = "Pending migrations are not an error.") boolean allowPending;

        @Override
        int run(DbSession s, FlywayRunner flyway, PrintWriter out) {
            List<String> problems = flyway.validate(!allowPending);
            if (problems.isEmpty()) {
                out.println("Valid: the applied migrations of " + s.url().database() + " match their files.");
                out.flush();
                return ExitCode.OK;
            }
            throw new io.turnout.migrate.MigrationException("Not valid: " + String.join("; ", problems) + ".");
        }
    }

    @Command(name = "baseline", description = "Mark an existing schema as VERSION so only later migrations run.")
    static final class Baseline extends Base {
        @Option(names = "--version", required = true, paramLabel = "VERSION", description = "The version the schema already is, e.g. 3.") String version;
        @Option(names = {"-y", "--yes"}, description = "Run without asking.") boolean yes;

        @Override
        int run(DbSession s, FlywayRunner flyway, PrintWriter out) {
            Plan plan = new Plan("baseline", "Baseline " + s.url().database() + " at " + version, Map.of("kind", "baseline", "runId",
                    "baseline-" + System.currentTimeMillis()), List.of(FlywayAdminStep.baseline(flyway, version)));
            return s.run(new PlanRunner(out, yes), plan);
        }
    }

    @Command(name = "repair", description = "Remove failed migrations from Flyway's history and realign checksums.")
    static final class Repair extends Base {
        @Option(names = {"-y", "--yes"}, description = "Run without asking.") boolean yes;

        @Override
        int run(DbSession s, FlywayRunner flyway, PrintWriter out) {
            Plan plan = new Plan("repair", "Repair Flyway's history in " + s.url().database(), Map.of("kind", "repair", "runId",
                    "repair-" + System.currentTimeMillis()), List.of(FlywayAdminStep.repair(flyway)));
            return s.run(new PlanRunner(out, yes), plan);
        }
    }
}
