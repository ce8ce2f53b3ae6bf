package io.turnout.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "gui", description = "Open the desktop console (the default without a verb).")
final class GuiCommand implements Callable<Integer> {

    @ParentCommand
    TurnoutCommand root;

    @Option(names = "--host", paramLabel = "URI", description = "Also open this host (repeatable).")
    List<String> hosts = List.of();

    @Override
    public Integer call() {
        return root.services().openGui(root.sshConfig(), hosts);
    }
}
