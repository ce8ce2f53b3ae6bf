package io.turnout.cli;

import io.turnout.stack.StackSpec;
import io.turnout.stack.StackSpecs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "stack", description = "Create, update and remove stacks (turnout.yml).",
        subcommands = {StackCommand.Apply.class, StackCommand.Adopt.class, StackCommand.Remove.class})
final class StackCommand {

    @ParentCommand
    TurnoutCommand root;

    @Command(name = "apply", description = "Create the stack from turnout.yml or bring it up to date (idempotent).")
    static final class Apply implements Callable<Integer> {
        @ParentCommand StackCommand parent;
        @Spec CommandSpec spec;
        @Option(names = {"-H", "--host"}, required = true, paramLabel = "URI", description = "The Docker host.") String host;
        @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE", description = "The stack definition.") Path file;
        @Option(names = {"-y", "--yes"}, description = "Run without asking.") boolean yes;

        @Override
        public Integer call() {
            String yaml;
            try {
                yaml = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
            }
            StackSpec stackSpec = StackSpecs.parse(yaml, parent.root.services().environment());
            try (StackSession s = StackSession.open(parent.root, host, stackSpec.name())) {
                return new PlanRunner(spec.commandLine().getOut(), yes).run(s.ops(), s.ops().planApply(stackSpec));
            }
        }
    }

    @Command(name = "adopt", description = "Take over a running compose project's containers as a stack's active (blue) color.")
    static final class Adopt implements Callable<Integer> {
        @ParentCommand StackCommand parent;
        @Spec CommandSpec spec;
        @Option(names = {"-H", "--host"}, required = true, paramLabel = "URI", description = "The Docker host.") String host;
        @Option(names = "--project", required = true, paramLabel = "NAME", description = "The compose project; becomes the stack's name.") String project;
        @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "A definition to use instead of the one read off the containers.") Path file;
        @Option(names = "--public-port", paramLabel = "PORT", description = "The router's public port (required without --file).") Integer publicPort;
        @Option(names = "--public-bind", paramLabel = "ADDRESS", defaultValue = "0.0.0.0", description = "Where the public port binds (default ${DEFAULT-VALUE}).") String publicBind;
        @Option(names = "--router", paramLabel = "haproxy|nginx", defaultValue = "haproxy", description = "Router kind (default ${DEFAULT-VALUE}).") String router;
        @Option(names = {"-y", "--yes"}, description = "Run without asking.") boolean yes;

        @Override
        public Integer call() {
            StackSpec given = null;
            if (file != null) {
                try {
                    given = StackSpecs.parse(Files.readString(file), parent.root.services().environment());
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
                }
            } else if (publicPort == null) {
                throw new IllegalArgumentException("Say which public port the router takes with --public-port (or pass --file).");
            }
            StackSpec.RouterKind kind = switch (router.toLowerCase(java.util.Locale.ROOT)) {
                case "haproxy" -> StackSpec.RouterKind.HAPROXY;
                case "nginx" -> StackSpec.RouterKind.NGINX;
                default -> throw new IllegalArgumentException("Unknown router '" + router + "': use haproxy or nginx.");
            };
            try (StackSession s = StackSession.open(parent.root, host, project)) {
                var plan = s.ops().planAdopt(given, publicPort == null ? 0 : publicPort, publicBind, kind);
                return new PlanRunner(spec.commandLine().getOut(), yes).run(s.ops(), plan);
            }
        }
    }

    @Command(name = "remove", description = "Remove the stack's containers, router, network and state (history stays).")
    static final class Remove implements Callable<Integer> {
        @ParentCommand StackCommand parent;
        @Spec CommandSpec spec;
        @Mixin StackTarget target;
        @Option(names = {"-y", "--yes"}, description = "Run without asking.") boolean yes;

        @Override
        public Integer call() {
            try (StackSession s = StackSession.open(parent.root, target.host, target.stack)) {
                return new PlanRunner(spec.commandLine().getOut(), yes).run(s.ops(), s.ops().planRemove());
            }
        }
    }
}
