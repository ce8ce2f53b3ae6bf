package io.turnout.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

@Command(name = "lock", description = "Show or release a stack's release lock.",
        subcommands = {LockCommand.Status.class, LockCommand.Release.class})
final class LockCommand {

    @ParentCommand
    TurnoutCommand root;

    @Command(name = "status", description = "Who holds the stack, since when and why.")
    static final class Status implements Callable<Integer> {
        @ParentCommand LockCommand parent;
        @Spec CommandSpec spec;
        @Mixin StackTarget target;
        @Option(names = "--json", description = "Print JSON.") boolean json;

        @Override
        public Integer call() {
            try (StackSession s = StackSession.open(parent.root, target.host, target.stack)) {
                var lock = s.ops().lock();
                if (json) {
                    Json.print(spec.commandLine().getOut(), java.util.Map.of("locked", lock.isPresent(), "holder", lock.orElse(null) == null
                            ? java.util.Map.of() : lock.get()));
                } else {
                    spec.commandLine().getOut().println(lock.map(l -> "Locked by " + l.sentence()).orElse("Free: no release holds " + target.stack + "."));
                }
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "release", description = "Remove the lock of a dead release (recorded in the history as your act).")
    static final class Release implements Callable<Integer> {
        @ParentCommand LockCommand parent;
        @Spec CommandSpec spec;
        @Mixin StackTarget target;
        @Option(names = "--force", required = true, description = "Required: say that you mean it.") boolean force;

        @Override
        public Integer call() {
            try (StackSession s = StackSession.open(parent.root, target.host, target.stack)) {
                var old = s.ops().forceReleaseLock();
                spec.commandLine().getOut().println(old.map(l -> "Released the lock held by " + l.sentence() + ".")
                        .orElse("There was no lock on " + target.stack + "."));
                return ExitCode.OK;
            }
        }
    }
}
