package io.turnout.db;

import io.turnout.plan.Step;
import io.turnout.plan.StepContext;

import java.nio.file.Path;
import java.util.List;

/**
 * Restores a backup into the database it came from (pg_restore --clean --if-exists
 * --single-transaction): objects in the dump are dropped and recreated with the dump's data, in
 * one transaction, so a failed restore leaves the database as it was. Objects created after the
 * backup and not in the dump are left alone. There is no undo.
 */
public final class RestoreStep implements Step {

    private final BackupInfo backup;
    private final Path dump;
    private final PgTools tools;
    private final DbUrl url;

    public RestoreStep(BackupInfo backup, Path dump, PgTools tools, DbUrl url) {
        this.backup = backup;
        this.dump = dump;
        this.tools = tools;
        this.url = url;
    }

    @Override
    public String id() {
        return "restore";
    }

    @Override
    public String title() {
        return "Restore " + url.database() + " from backup '" + backup.label() + "' of " + backup.created()
                + ": replaces its tables' contents with the backup's";
    }

    @Override
    public List<String> details() {
        return List.of("file " + dump + " (" + backup.size() + " bytes, sha256 " + backup.sha256().substring(0, 12) + "...)",
                "pg_restore --clean --if-exists --single-transaction into " + url.masked());
    }

    @Override
    public boolean dangerous() {
        return true;
    }

    @Override
    public boolean pointOfNoReturn() {
        return true;
    }

    @Override
    public void precheck(StepContext ctx) {
        if (!url.database().equals(backup.database())) {
            throw new DbException("Backup '" + backup.label() + "' is of database " + backup.database() + ", not " + url.database()
                    + "; Turnout restores a backup only into the database it came from.");
        }
    }

    @Override
    public void apply(StepContext ctx) {
        tools.restore(dump);
        ctx.log("Restored " + url.database() + " from " + backup.file() + ".");
    }
}
