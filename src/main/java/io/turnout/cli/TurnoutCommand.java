package io.turnout.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code turnout}: without a verb it opens the console, like {@code turnout gui}. */
@Command(name = "turnout", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Zero-downtime releases on Docker hosts and Kubernetes: console and CLI.",
        footer = {"", "Exit codes: 0 ok, 1 operation failed, 2 usage or bad input."})
public final class TurnoutCommand implements Callable<Integer> {

    @Option(names = "--ssh-config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Read this ssh_config instead of ~/.ssh/config (like ssh -F).")
    Path sshConfig;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces and debug logs.")
    boolean debug;

    @Spec
    CommandSpec spec;

    private final CliServices services;

    public TurnoutCommand(CliServices services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        return services.openGui(sshConfig, List.of());
    }

    CliServices services() {
        return services;
    }

    Path sshConfig() {
        return sshConfig;
    }

    boolean debug() {
        return debug;
    }
}
