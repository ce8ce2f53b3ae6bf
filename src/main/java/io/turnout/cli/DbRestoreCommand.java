package io.turnout.cli;

import io.turnout.db.BackupInfo;
import io.turnout.db.Backups;
import io.turnout.db.RestoreStep;
import io.turnout.plan.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "restore", description = "Restore a labelled backup into the database it came from (dangerous: replaces its data).")
final class DbRestoreCommand implements Callable<Integer> {

    @ParentCommand DbCommand parent;
    @Spec CommandSpec spec;
    @Mixin DbTarget target;
    @Option(names = {"-b", "--backup"}, required = true, paramLabel = "LABEL", description = "The backup's label (the newest with it) or file name.")
    String label;
    @Option(names = {"-y", "--yes"}, description = "Run without asking.") boolean yes;

    @Override
    public Integer call() {
        Backups backups = BackupStore.of(parent.root, null);
        BackupInfo info = backups.find(label);
        DbTarget t = target;
        if (!t.given()) {
            if (!info.host().equals("local")) {
                throw new IllegalArgumentException("Backup '" + label + "' is from " + info.host() + ": give --host and --stack to restore it there.");
            }
            t = new DbTarget();
            t.db = info.url().replaceAll("[?&]password=\\*\\*\\*", ""); // masked in the sidecar: PGPASSWORD or ~/.pgpass supply it
        }
        try (DbSession s = DbSession.open(parent.root, t)) {
            String runId = "restore-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Clock.systemUTC().instant());
            Plan plan = new Plan("restore", "Restore " + s.url().database() + " from backup '" + info.label() + "'",
                    Map.of("kind", "restore", "runId", runId, "backup", info.file()),
                    List.of(new RestoreStep(info, info.dump(backups.root()), s.tools(), s.url())));
            return s.run(new PlanRunner(spec.commandLine().getOut(), yes), plan);
        }
    }
}
