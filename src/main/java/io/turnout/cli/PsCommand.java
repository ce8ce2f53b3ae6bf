package io.turnout.cli;

import io.turnout.docker.ContainerRow;
import io.turnout.docker.DockerHost;
import io.turnout.docker.Health;
import io.turnout.docker.PortMapping;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "ps", description = "List containers on a host, with their stack, service and color.")
final class PsCommand implements Callable<Integer> {

    @ParentCommand
    TurnoutCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = {"-H", "--host"}, required = true, paramLabel = "URI",
            description = "ssh://[user@]host[:port][?socket=PATH], an ssh alias, unix:///path, tcp://host:port, or 'local'.")
    String host;

    @Option(names = {"-a", "--all"}, description = "Include stopped containers.")
    boolean all;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        List<ContainerRow> rows;
        try (DockerHost docker = root.services().connector(root.sshConfig(),
                TerminalPrompts.hostKeys(Terminal.interactive()), TerminalPrompts.passphrases(Terminal.interactive())).open(host)) {
            rows = docker.list(all).stream()
                    .sorted(Comparator.comparing((ContainerRow r) -> r.stack() == null ? "~" : r.stack())
                            .thenComparing(r -> r.service() == null ? "" : r.service())
                            .thenComparing(ContainerRow::name))
                    .toList();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, rows.stream().map(PsJson::of).toList());
            return ExitCode.OK;
        }
        TextTable t = new TextTable("NAME", "ID", "IMAGE", "STATE", "HEALTH", "STACK", "SERVICE", "COLOR", "PORTS");
        for (ContainerRow r : rows) {
            t.add(r.name(), r.shortId(), r.image(), r.state(),
                    r.health() == Health.NONE ? null : r.health().name().toLowerCase(),
                    r.stack(), r.service(), r.color(),
                    r.ports().isEmpty() ? null : r.ports().stream().map(PortMapping::toString).collect(Collectors.joining(",")));
        }
        t.print(out);
        return ExitCode.OK;
    }

    /** The JSON shape of one row; field names are part of the CLI contract. */
    record PsJson(String name, String id, String image, String state, String health, String stack, String service,
                  String color, List<PortMapping> ports, int restartCount, java.time.Instant created,
                  java.time.Instant startedAt, String status) {
        static PsJson of(ContainerRow r) {
            return new PsJson(r.name(), r.id(), r.image(), r.state(), r.health().name().toLowerCase(), r.stack(),
                    r.service(), r.color(), r.ports(), r.restartCount(), r.created(), r.startedAt(), r.status());
        }
    }
}
