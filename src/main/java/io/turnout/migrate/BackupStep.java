package io.turnout.migrate;

import io.turnout.db.Backups;
import io.turnout.plan.Step;
import io.turnout.plan.StepContext;

import java.util.List;

/** The labelled backup taken before migrating: the safety net, so it is never undone. */
final class BackupStep implements Step {

    private final MigrationRun run;
    private final Backups backups;

    BackupStep(MigrationRun run, Backups backups) {
        this.run = run;
        this.backups = backups;
    }

    @Override
    public String id() {
        return "backup";
    }

    @Override
    public String title() {
        return "Back up " + run.target.url().database() + " as '" + run.request.label() + "' (" + run.target.dump().via() + ")";
    }

    @Override
    public List<String> details() {
        return List.of("Stored under " + backups.root() + "; restore with 'turnout db restore --backup " + run.request.label() + "'");
    }

    @Override
    public void apply(StepContext ctx) {
        run.backup = backups.backup(run.target.connector(), run.target.url(), run.target.host(), run.target.dump(), run.request.label());
        ctx.log("Backup " + run.backup.file() + " (" + run.backup.size() + " bytes, PostgreSQL " + run.backup.pgVersion() + ").");
        ctx.detail(run.backup);
    }
}
