package io.turnout.migrate;

import io.turnout.plan.Step;
import io.turnout.plan.StepContext;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Runs {@code flyway migrate} with the request's timeouts while a second connection samples lock
 * waits once a second: every sample goes out as a {@link LockWaits} detail, and each new wait is
 * logged once. Undo is a restore of the backup, done only with {@code --restore-on-failure};
 * otherwise the failure names the backup so the operator can restore it deliberately.
 */
final class FlywayMigrateStep implements Step {

    static final Duration SAMPLE_EVERY = Duration.ofSeconds(1);

    private final MigrationRun run;
    private final Clock clock;

    FlywayMigrateStep(MigrationRun run, Clock clock) {
        this.run = run;
        this.clock = clock;
    }

    @Override
    public String id() {
        return "migrate";
    }

    @Override
    public String title() {
        FlywaySettings s = run.flyway.settings();
        return "Apply the pending migrations to " + run.target.url().database() + " (lock_timeout " + s.lockTimeout().toMillis() + " ms"
                + (s.statementTimeout().isZero() ? "" : ", statement_timeout " + s.statementTimeout().toSeconds() + " s") + ")";
    }

    @Override
    public boolean dangerous() {
        return true;
    }

    @Override
    public List<String> details() {
        List<String> out = new ArrayList<>();
        run.verdicts.forEach(f -> out.add("runs " + f.file()));
        List<String> undo = run.flyway.undoFiles();
        if (!undo.isEmpty()) {
            out.add("undo files present (Flyway Community does not run them; kept for a manual undo): " + String.join(", ", undo));
        }
        out.add(run.request.restoreOnFailure() ? "on failure: restore the backup automatically"
                : "on failure: the backup is kept; nothing is restored automatically");
        return out;
    }

    @Override
    public void apply(StepContext ctx) {
        Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        AtomicReference<LockWaits> last = new AtomicReference<>();
        try (LockWaitSampler sampler = LockWaitSampler.start(run.target.connector(), run.target.url(),
                run.flyway.settings().applicationName(), clock, SAMPLE_EVERY, waits -> publish(ctx, waits, seen, last))) {
            List<String> applied = run.flyway.migrate(ctx::log);
            ctx.log(applied.isEmpty() ? "Nothing to apply." : "Applied " + String.join(", ", applied) + ".");
        } catch (MigrationException e) {
            throw new MigrationException(e.getMessage() + blockers(last.get()) + (run.request.restoreOnFailure() ? "" : run.restoreHint()), e);
        }
    }

    private static void publish(StepContext ctx, LockWaits waits, Set<String> seen, AtomicReference<LockWaits> last) {
        last.set(waits);
        ctx.detail(waits);
        for (LockWaits.Wait w : waits.waits()) {
            if (seen.add(w.pid() + "/" + w.blockedBy())) {
                ctx.log("Lock wait: " + w.describe());
            }
        }
    }

    private static String blockers(LockWaits last) {
        if (last == null) {
            return "";
        }
        String names = last.waits().stream().filter(LockWaits.Wait::migrationWaits)
                .flatMap(w -> w.blockerApplications().stream().map(a -> a.isEmpty() ? "an unnamed session" : a))
                .distinct().collect(Collectors.joining(", "));
        return names.isEmpty() ? "" : " It was blocked by " + names + ".";
    }

    @Override
    public void compensate(StepContext ctx) {
        if (run.backup == null) {
            return;
        }
        if (!run.request.restoreOnFailure()) {
            ctx.log("Not restoring automatically." + run.restoreHint());
            return;
        }
        ctx.log("Restoring backup '" + run.backup.label() + "' (pg_restore --clean --if-exists --single-transaction).");
        run.target.restore().restore(run.backup.dump(run.backupsRoot));
        ctx.log("Restored " + run.target.url().database() + " from " + run.backup.file() + ".");
    }
}
