package io.turnout.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

@Command(name = "maintenance", description = "Turn the router's maintenance page (503 for every public request) on or off.")
final class MaintenanceCommand implements Callable<Integer> {

    @ParentCommand TurnoutCommand root;
    @Spec CommandSpec spec;
    @Mixin StackTarget target;
    @Option(names = {"-y", "--yes"}, description = "Run without asking.") boolean yes;
    @Parameters(paramLabel = "on|off") String state;

    @Override
    public Integer call() {
        boolean on = switch (state.toLowerCase(java.util.Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("Say 'on' or 'off', not '" + state + "'.");
        };
        try (StackSession s = StackSession.open(root, target.host, target.stack)) {
            return new PlanRunner(spec.commandLine().getOut(), yes).run(s.ops(), s.ops().planMaintenance(on));
        }
    }
}
