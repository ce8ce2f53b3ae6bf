package io.turnout.ui.migrate;

import io.turnout.db.DbUrl;
import io.turnout.migrate.ClassifyOptions;
import io.turnout.migrate.FileClassification;
import io.turnout.migrate.MigrationClass;
import io.turnout.migrate.MigrationReport;
import io.turnout.migrate.MigrationSource;
import io.turnout.migrate.Risk;
import io.turnout.plan.Plan;
import io.turnout.ui.common.TaskRunner;
import io.turnout.ui.stack.run.RunViewModel;
import io.turnout.ui.stack.run.StepPreview;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The migration wizard: input → classification → plan → shadow check → backup → execute → summary.
 * The checks of the middle pages ({@link MigrationChecks}) are optional; the run goes through the
 * shared {@link RunViewModel} (the same live view as every plan). FX thread only; engine calls go
 * through the {@link TaskRunner}.
 */
public final class MigrationWizardViewModel {

    public enum Page { SOURCE, CLASSIFY, PLAN, SHADOW, BACKUP, EXECUTE, SUMMARY }

    private final MigrationWizardServices services;
    private final TaskRunner runner;
    private final RunViewModel run;
    private final String stack;
    private final MigrationInput input = new MigrationInput();
    private final MigrationChecks checks;
    private final ObservableList<FileClassification> files = FXCollections.observableArrayList();
    private final ObservableList<StatementRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<StatementRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Risk> risk = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Page> page = new ReadOnlyObjectWrapper<>(Page.SOURCE);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final BooleanBinding canNext;
    private final BooleanBinding canBack;
    private final StringBinding nextLabel;
    private List<MigrationSource> sources = List.of();
    private ClassifyOptions options;
    private MigrationRun planned;
    private Plan previewPlan;

    /**
     * @param stack    the stack it was opened from (its router goes into maintenance for a maintenance run), or null
     * @param database the stack's database URL to prefill, or null
     */
    public MigrationWizardViewModel(MigrationWizardServices services, TaskRunner runner, RunViewModel run, String stack,
                                    String database) {
        this.services = services;
        this.runner = runner;
        this.run = run;
        this.stack = stack;
        this.checks = new MigrationChecks(services, this::task);
        if (database != null) {
            input.databaseProperty().set(database);
        }
        run.phaseProperty().subscribe(p -> {
            if (p == RunViewModel.Phase.FINISHED) {
                summary.set(Summaries.of(run, planned, checks));
                page.set(Page.SUMMARY);
            }
        });
        run.detailProperty().subscribe(checks::lockWaitDetail);
        canNext = Bindings.createBooleanBinding(this::nextEnabled, page, busy, run.phaseProperty());
        nextLabel = Bindings.createStringBinding(this::nextText, page, input.databaseProperty(), risk);
        canBack = Bindings.createBooleanBinding(() -> !busy.get() && page.get() != Page.SOURCE && page.get() != Page.SUMMARY
                && (page.get() != Page.EXECUTE || run.phaseProperty().get() == RunViewModel.Phase.PREVIEW), page, busy, run.phaseProperty());
    }

    private boolean nextEnabled() {
        return !busy.get() && switch (page.get()) {
            case EXECUTE -> run.phaseProperty().get() == RunViewModel.Phase.PREVIEW;
            default -> true;
        };
    }

    private String nextText() {
        return switch (page.get()) {
            case SOURCE -> "Classify";
            case CLASSIFY -> "Next: plan";
            case PLAN -> "Next: shadow check";
            case SHADOW -> "Next: backup";
            case BACKUP -> "Preview the run";
            case EXECUTE -> runLabel();
            case SUMMARY -> "Close";
        };
    }

    /** What the run button says: how many migrations, where, and how guarded. */
    public String runLabel() {
        int n = sources.size();
        return "Run " + n + (n == 1 ? " migration" : " migrations") + " on " + where() + " (" + mode(migrationClass()) + ")";
    }

    private String where() {
        if (stack != null) {
            return stack;
        }
        try {
            DbUrl db = input.db();
            return db == null ? "the database" : db.database();
        } catch (IllegalArgumentException e) {
            return "the database";
        }
    }

    static String mode(MigrationClass c) {
        return switch (c) {
            case SAFE -> "live";
            case RISKY -> "expand/contract";
            case MAINTENANCE -> "maintenance window";
        };
    }

    public void next() {
        if (!canNext.get()) {
            return;
        }
        error.set("");
        notice.set("");
        switch (page.get()) {
            case SOURCE -> classify();
            case CLASSIFY -> task(() -> files.stream().filter(f -> f.migrationClass() != MigrationClass.SAFE)
                    .flatMap(f -> services.plan(f, options).stream()).toList(), phases -> {
                checks.planned(phases);
                page.set(Page.PLAN);
            });
            case PLAN -> page.set(Page.SHADOW);
            case SHADOW -> page.set(Page.BACKUP);
            case BACKUP -> preview();
            case EXECUTE -> {
                Plan plan = previewPlan; // exactly the plan the preview showed
                run.start(plan.title(), false, o -> services.execute(plan, o));
            }
            case SUMMARY -> done.set(true);
        }
    }

    public void back() {
        if (canBack.get()) {
            error.set("");
            page.set(Page.values()[page.get().ordinal() - 1]);
        }
    }

    private void classify() {
        MigrationInput.Snapshot snap;
        try {
            snap = input.snapshot();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        task(() -> {
            List<MigrationSource> read = snap.sources(services);
            ClassifyOptions opts = snap.options(services);
            return new Classified(read, opts, services.classify(read, opts));
        }, c -> {
            sources = c.sources();
            options = c.options();
            checks.reset(sources, c.files(), snap.db());
            files.setAll(c.files());
            rows.setAll(c.files().stream().flatMap(f -> f.operations().stream().map(o -> new StatementRow(f.file(), o))).toList());
            selected.set(rows.stream().filter(r -> r.op().risk() == Risk.HIGH).findFirst().orElse(rows.isEmpty() ? null : rows.getFirst()));
            MigrationReport report = new MigrationReport(c.files());
            risk.set(report.risk());
            verdict.set(Summaries.verdict(c.files(), options));
            page.set(Page.CLASSIFY);
        });
    }

    private void preview() {
        DbUrl db;
        try {
            db = input.db();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        if (db == null) {
            error.set("Enter the database URL on the first page to run the migrations; classification and the report need none.");
            return;
        }
        MigrationRun request = new MigrationRun(db, stack, sources, migrationClass(), options, checks.backupLabelProperty().get().strip());
        task(() -> StepPreview.PlanPreview.of(services.migrationPlan(request)), p -> {
            planned = request;
            previewPlan = p.plan();
            run.show(p);
            page.set(Page.EXECUTE);
        });
    }

    /** Writes the report (Markdown, or HTML when the name ends in .html) with the shadow results when they ran. */
    public void exportReport(Path file) {
        MigrationReport report = checks.report(List.copyOf(files));
        task(() -> Files.writeString(file, report.render(file.getFileName().toString())), p -> notice.set("Report written to " + p + "."));
    }

    /** Writes the plan's phases as Flyway files into {@code dir}. */
    public void writeFlywayFiles(Path dir) {
        List<PlannedPhase> phases = List.copyOf(checks.phases());
        task(() -> services.writeFlywayFiles(phases, dir), written -> notice.set("Wrote " + written.size() + " Flyway files to " + dir + "."));
    }

    /** Runs {@code work} on the task runner with the wizard busy; a failure becomes the error line. */
    <T> void task(Callable<T> work, Consumer<T> then) {
        busy.set(true);
        runner.run(work, r -> {
            busy.set(false);
            then.accept(r);
        }, e -> {
            busy.set(false);
            error.set(e.getMessage() == null ? e.toString() : e.getMessage());
        });
    }

    public MigrationClass migrationClass() {
        return files.stream().map(FileClassification::migrationClass).reduce(MigrationClass.SAFE, MigrationClass::max);
    }

    private record Classified(List<MigrationSource> sources, ClassifyOptions options, List<FileClassification> files) { }

    public MigrationInput input() { return input; }
    public MigrationChecks checks() { return checks; }
    public RunViewModel run() { return run; }
    public ObservableList<FileClassification> files() { return files; }
    public ObservableList<StatementRow> rows() { return rows; }
    public ObjectProperty<StatementRow> selectedProperty() { return selected; }
    public ReadOnlyObjectProperty<Risk> riskProperty() { return risk.getReadOnlyProperty(); }
    /** One line over the table: the files' worst risk and class, for which PostgreSQL version. */
    public ReadOnlyStringProperty verdictProperty() { return verdict.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Page> pageProperty() { return page.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    /** What a side action (export, write files) did, in one sentence. */
    public ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty doneProperty() { return done.getReadOnlyProperty(); }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public BooleanBinding canNextBinding() { return canNext; }
    public BooleanBinding canBackBinding() { return canBack; }
    public StringBinding nextLabelBinding() { return nextLabel; }
    public String stack() { return stack; }
}
