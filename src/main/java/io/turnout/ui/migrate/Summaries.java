package io.turnout.ui.migrate;

import io.turnout.migrate.ClassifyOptions;
import io.turnout.migrate.FileClassification;
import io.turnout.migrate.MigrationClass;
import io.turnout.migrate.Risk;
import io.turnout.plan.PlanResult;
import io.turnout.ui.stack.run.RunViewModel;

import java.util.List;

/** The wizard's sentences: the verdict over the table and the summary at the end. */
final class Summaries {

    private Summaries() {
    }

    static String verdict(List<FileClassification> files, ClassifyOptions options) {
        Risk risk = files.stream().map(FileClassification::risk).reduce(Risk.LOW, Risk::max);
        MigrationClass c = files.stream().map(FileClassification::migrationClass).reduce(MigrationClass.SAFE, MigrationClass::max);
        long statements = files.stream().mapToLong(f -> f.operations().size()).sum();
        long invalid = files.stream().filter(f -> !f.valid()).count();
        String version = options.pgVersion().isPresent() ? "PostgreSQL " + options.pgVersion().getAsInt() : "an unknown PostgreSQL version";
        String what = switch (c) {
            case SAFE -> "it can run on the live database.";
            case RISKY -> "it needs expand/contract so old and new code both work in between.";
            case MAINTENANCE -> "it needs a maintenance window.";
        };
        return risk + " risk, " + c.json() + ": " + statements + (statements == 1 ? " statement" : " statements") + " in "
                + files.size() + (files.size() == 1 ? " file" : " files") + " for " + version + "; " + what
                + (invalid == 0 ? "" : " " + invalid + " file(s) could not be parsed: see the errors.");
    }

    static String of(RunViewModel run, MigrationRun planned, MigrationChecks checks) {
        PlanResult r = run.resultProperty().get();
        int n = planned == null ? 0 : planned.sources().size();
        String head = r != null && r.succeeded()
                ? "Applied " + n + (n == 1 ? " migration" : " migrations") + " to " + checks.databaseLabel() + "."
                : run.outcomeProperty().get();
        int blocked = checks.mostBlockedProperty().get();
        return head + (blocked == 0 ? " No session waited for a lock while it ran."
                : " Up to " + blocked + (blocked == 1 ? " session" : " sessions") + " waited for its locks at once.");
    }
}
