package io.turnout.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** `turnout health ...`: a group; each verb is its own class, listed in {@code subcommands}. */
@Command(name = "health", description = "Health of a stack's services and colors.", subcommands = {HealthCheckCommand.class})
final class HealthCommand implements Callable<Integer> {

    @ParentCommand TurnoutCommand root;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCode.USAGE;
    }
}
