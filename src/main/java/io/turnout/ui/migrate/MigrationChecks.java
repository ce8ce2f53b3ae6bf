package io.turnout.ui.migrate;

import io.turnout.db.DbUrl;
import io.turnout.migrate.FileClassification;
import io.turnout.migrate.MigrationReport;
import io.turnout.migrate.MigrationSource;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The wizard's middle pages and live table: the expand/migrate/contract phases, the shadow check's
 * findings, the labelled backup, and the lock waits a running migration publishes. FX thread only.
 */
public final class MigrationChecks {

    /** How the wizard runs a blocking call: busy while it runs, its failure shown as the error line. */
    interface Tasks {
        <T> void task(Callable<T> work, Consumer<T> then);
    }

    private final MigrationWizardServices services;
    private final Tasks tasks;
    private final ObservableList<PlannedPhase> phases = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper planNote = new ReadOnlyStringWrapper("");
    private final ObservableList<MigrationReport.ShadowLine> shadow = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper shadowSummary = new ReadOnlyStringWrapper("");
    private final StringProperty backupLabel = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper backupResult = new ReadOnlyStringWrapper("");
    private final ObservableList<LockWaitRow> lockWaits = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper mostBlocked = new ReadOnlyIntegerWrapper();
    private List<FileClassification> files = List.of();
    private DbUrl db;

    MigrationChecks(MigrationWizardServices services, Tasks tasks) {
        this.services = services;
        this.tasks = tasks;
    }

    /** A new classification: what the checks run on; earlier findings no longer apply. */
    void reset(List<MigrationSource> sources, List<FileClassification> files, DbUrl db) {
        this.files = List.copyOf(files);
        this.db = db;
        phases.clear();
        planNote.set("");
        shadow.clear();
        shadowSummary.set(db == null ? "Enter a database URL on the first page to check the verdicts against the real server." : "");
        backupResult.set("");
        if (backupLabel.get().isBlank() && !sources.isEmpty()) {
            backupLabel.set("before-" + sources.getFirst().name().replaceAll("(?i)\\.sql$", "").replaceAll("[^A-Za-z0-9_.-]+", "-")
                    .toLowerCase(Locale.ROOT));
        }
    }

    void planned(List<PlannedPhase> planned) {
        phases.setAll(planned);
        if (planned.isEmpty()) {
            planNote.set("No statement needs expand / migrate / contract: the files can run as they are.");
            return;
        }
        for (int i = 0; i < planned.size(); i++) {
            if (!planned.get(i).rollbackSafeAfter()) {
                planNote.set("A code rollback stops being safe after phase " + (i + 1) + " (" + planned.get(i).phase() + ", "
                        + planned.get(i).fileName() + "): release the new code and let it settle before running it.");
                return;
            }
        }
        planNote.set("Every phase keeps the previous code version working: a code rollback stays safe throughout.");
    }

    /** Runs the shadow check against the database given on the first page. */
    public void runShadow() {
        if (db == null) {
            return;
        }
        List<FileClassification> f = files;
        DbUrl target = db;
        tasks.task(() -> services.verify(f, target), lines -> {
            shadow.setAll(lines);
            long disagree = lines.stream().filter(l -> !l.agrees()).count();
            shadowSummary.set(disagree == 0 ? "The server agreed with every static verdict (" + lines.size() + " statements)."
                    : disagree + " of " + lines.size() + " statements behaved differently from their static verdict: read them before running.");
        });
    }

    /** Takes the labelled backup now. */
    public void runBackup() {
        String label = backupLabel.get() == null ? "" : backupLabel.get().strip();
        if (db == null || !label.matches("[A-Za-z0-9_.-]+")) {
            backupResult.set(db == null ? "Enter a database URL on the first page to back it up."
                    : "A backup label is letters, digits, '.', '_' or '-', e.g. before-v42.");
            return;
        }
        DbUrl target = db;
        tasks.task(() -> services.backup(target, label), backupResult::set);
    }

    /** A detail the running plan published; lock waits replace the table, anything else is not ours. */
    void lockWaitDetail(Object detail) {
        List<LockWaitRow> rows = detail == null ? null : services.lockWaits(detail);
        if (rows != null) {
            lockWaits.setAll(rows);
            mostBlocked.set(Math.max(mostBlocked.get(), rows.size()));
        }
    }

    MigrationReport report(List<FileClassification> files) {
        return new MigrationReport(files, List.copyOf(shadow), db == null ? null : db.masked());
    }

    public String databaseLabel() {
        return db == null ? "the database" : db.database();
    }

    public boolean hasDatabase() {
        return db != null;
    }

    public ObservableList<PlannedPhase> phases() { return phases; }
    /** After which phase a code rollback stops being safe, in one sentence. */
    public ReadOnlyStringProperty planNoteProperty() { return planNote.getReadOnlyProperty(); }
    public ObservableList<MigrationReport.ShadowLine> shadow() { return shadow; }
    public ReadOnlyStringProperty shadowSummaryProperty() { return shadowSummary.getReadOnlyProperty(); }
    public StringProperty backupLabelProperty() { return backupLabel; }
    public ReadOnlyStringProperty backupResultProperty() { return backupResult.getReadOnlyProperty(); }
    public ObservableList<LockWaitRow> lockWaits() { return lockWaits; }
    /** The most sessions seen waiting at once during the run. */
    public ReadOnlyIntegerProperty mostBlockedProperty() { return mostBlocked.getReadOnlyProperty(); }
}
