package io.turnout.migrate;

import io.turnout.plan.Step;
import io.turnout.plan.StepContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Classifies the pending migrations and refuses the run when any file is above the type the
 * operator asked for (e.g. a maintenance-class file with {@code --type safe}), naming the
 * offending statements. Changes nothing, so it has nothing to undo.
 */
final class ClassifyStep implements Step {

    private final MigrationRun run;
    private final PendingFiles pending;

    ClassifyStep(MigrationRun run, PendingFiles pending) {
        this.run = run;
        this.pending = pending;
    }

    @Override
    public String id() {
        return "classify";
    }

    @Override
    public String title() {
        return "Classify " + run.verdicts.size() + " pending migration file(s); refuse anything above " + run.request.type().json();
    }

    @Override
    public List<String> details() {
        List<String> out = new ArrayList<>();
        for (FileClassification f : run.verdicts) {
            out.add(String.format(Locale.ROOT, "%s: %s, risk %s%s", f.file(), f.migrationClass().json(), f.risk(),
                    f.valid() ? "" : " (" + f.errors().size() + " syntax error(s))"));
        }
        return out;
    }

    /** A refusal is a failed precheck: nothing ran, so nothing is undone. */
    @Override
    public void precheck(StepContext ctx) {
        run.verdicts = pending.classify();
        run.verdicts.forEach(f -> ctx.log(f.file() + ": " + f.migrationClass().json() + ", risk " + f.risk()));
        ctx.detail(run.verdicts);
        List<String> offending = offending(run.verdicts, run.request.type());
        if (!offending.isEmpty()) {
            throw new MigrationException("Refused: " + offending.size() + " statement(s) are above --type " + run.request.type().json()
                    + ": " + String.join("; ", offending) + ". Nothing was changed.");
        }
    }

    @Override
    public void apply(StepContext ctx) {
        ctx.log("Every pending statement is " + run.request.type().json() + " or below.");
    }

    /** Statements (and unparseable files) above {@code type}, as {@code file:line TYPE is class}. */
    static List<String> offending(List<FileClassification> files, MigrationClass type) {
        List<String> out = new ArrayList<>();
        for (FileClassification f : files) {
            f.errors().forEach(e -> out.add(f.file() + ":" + e.line() + " cannot be parsed (" + e.message() + ")"));
            for (Operation op : f.operations()) {
                if (op.migrationClass().compareTo(type) > 0) {
                    out.add(f.file() + ":" + op.line() + " " + op.type() + " is " + op.migrationClass().json()
                            + (op.safeAlternative() == null ? "" : " (safer: " + op.safeAlternative().replaceAll("\\.$", "") + ")"));
                }
            }
            if (f.operations().isEmpty() && f.errors().isEmpty() && f.migrationClass().compareTo(type) > 0) {
                out.add(f.file() + " is " + f.migrationClass().json());
            }
        }
        return out;
    }
}
