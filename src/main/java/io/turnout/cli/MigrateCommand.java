package io.turnout.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** `turnout migrate ...`: a group; each verb is its own class, listed in {@code subcommands}. */
@Command(name = "migrate", description = "Classify, verify, plan and run database migrations.", subcommands = {MigrateClassifyCommand.class,
        MigrateVerifyCommand.class, MigratePlanCommand.class, MigrateRunCommand.class, MigrateFlywayCommands.Info.class,
        MigrateFlywayCommands.Validate.class, MigrateFlywayCommands.Baseline.class, MigrateFlywayCommands.Repair.class})
final class MigrateCommand implements Callable<Integer> {

    @ParentCommand TurnoutCommand root;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCode.USAGE;
    }
}
