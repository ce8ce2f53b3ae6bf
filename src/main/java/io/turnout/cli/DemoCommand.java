package io.turnout.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "demo", description = "Start the demo stack (local engine if reachable, else the sandbox) and open the console on it.")
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    TurnoutCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--no-gui", description = "Only create the demo stack; print the host it runs on.")
    boolean noGui;

    @Override
    public Integer call() {
        CliServices.DemoTarget demo = root.services().prepareDemo(root.sshConfig());
        if (noGui) {
            spec.commandLine().getOut().println(demo.host());
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
        return root.services().openGui(demo.sshConfig(), List.of(demo.host()));
    }
}
