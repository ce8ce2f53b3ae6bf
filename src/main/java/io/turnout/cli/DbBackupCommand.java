package io.turnout.cli;

import io.turnout.db.BackupInfo;
import io.turnout.db.Backups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "backup", description = "Take a labelled pg_dump -Fc backup (kept on this workstation under ~/.turnout/backups).")
final class DbBackupCommand implements Callable<Integer> {

    @ParentCommand DbCommand parent;
    @Spec CommandSpec spec;
    @Mixin DbTarget target;
    @Option(names = {"-l", "--label"}, required = true, paramLabel = "LABEL", description = "Name to restore it by, e.g. before-v42.") String label;
    @Option(names = "--keep", paramLabel = "N", description = "Keep the N newest backups of this database (default 10).") Integer keep;
    @Option(names = "--json", description = "Print the backup's record as JSON.") boolean json;

    @Override
    public Integer call() {
        Backups backups = BackupStore.of(parent.root, keep);
        try (DbSession s = DbSession.open(parent.root, target)) {
            BackupInfo info = backups.backup(s.connector(), s.url(), s.hostLabel(), s.dumpSource(), label);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Json.print(out, info);
            } else {
                out.println("Backup '" + info.label() + "' of " + info.database() + ": " + info.dump(backups.root()) + " (" + info.size()
                        + " bytes, PostgreSQL " + info.pgVersion() + ", " + info.via() + ").");
                out.flush();
            }
            return ExitCode.OK;
        }
    }
}
