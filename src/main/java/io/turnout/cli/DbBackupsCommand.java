package io.turnout.cli;

import io.turnout.db.BackupInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "backups", description = "List the backups kept on this workstation, newest first.")
final class DbBackupsCommand implements Callable<Integer> {

    @ParentCommand DbCommand parent;
    @Spec CommandSpec spec;
    @Option(names = "--json", description = "Print JSON.") boolean json;

    @Override
    public Integer call() {
        List<BackupInfo> all = BackupStore.of(parent.root, null).list();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, all);
            return ExitCode.OK;
        }
        if (all.isEmpty()) {
            out.println("No backups yet.");
        } else {
            TextTable t = new TextTable("LABEL", "CREATED", "HOST", "DATABASE", "SIZE", "PG", "VIA");
            all.forEach(b -> t.add(b.label(), b.created().toString(), b.host(), b.database(), Long.toString(b.size()), b.pgVersion(), b.via()));
            t.print(out);
        }
        out.flush();
        return ExitCode.OK;
    }
}
