package io.turnout.cli;

import io.turnout.connect.DefaultHostConnector;
import io.turnout.health.ColorHealth;
import io.turnout.health.ContainerReach;
import io.turnout.health.HealthFeed;
import io.turnout.health.HealthSnapshot;
import io.turnout.health.HealthState;
import io.turnout.health.ProbeResult;
import io.turnout.release.StackStatus;
import io.turnout.release.StackStatus.ServiceStatus;
import io.turnout.stack.Color;
import io.turnout.stack.StackSpec;
import io.turnout.timeline.Timeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code turnout health check}: one pass of the health feed over every service and color (all
 * probes run now). Exit 0 when every active color is healthy, 1 when an active color of a
 * critical service is not; standby colors are reported but do not fail the check.
 */
@Command(name = "check", description = "Check the health of every service and color of a stack once.")
final class HealthCheckCommand implements Callable<Integer> {

    @ParentCommand HealthCommand parent;
    @Spec CommandSpec spec;
    @Option(names = {"-H", "--host"}, required = true, paramLabel = "URI", description = "The Docker host.") String host;
    @Option(names = {"-s", "--stack"}, required = true, paramLabel = "NAME", description = "The stack.") String stack;
    @Option(names = "--json", description = "Print JSON.") boolean json;
    @Option(names = "--detailed", description = "Also show Docker's last health check outputs.") boolean detailed;

    /** The JSON shape of one color; field names are part of the CLI contract. */
    record ColorJson(String service, String color, boolean active, boolean critical, String state, String cause,
                     String docker, List<ProbeJson> probes, List<String> dockerLog) {
    }

    record ProbeJson(String kind, String path, boolean ok, int status, long millis, String output) {
    }

    record CheckJson(String stack, boolean healthy, List<ColorJson> colors) {
    }

    @Override
    public Integer call() {
        List<ColorJson> rows = new ArrayList<>();
        try (StackSession s = StackSession.open(parent.root, host, stack)) {
            StackSpec definition = s.ops().definition();
            StackStatus status = s.ops().status();
            ContainerReach reach = DefaultHostConnector.sshOf(s.host()).map(ContainerReach::through).orElse(ContainerReach.DIRECT);
            Clock clock = Clock.systemUTC();
            HealthSnapshot snap = new HealthFeed(definition, DefaultHostConnector.engineOf(s.host()).api(), reach,
                    new Timeline(clock), clock, Duration.ofSeconds(1)).checkOnce();
            if (snap.error() != null) {
                throw new IllegalStateException(snap.error());
            }
            for (ColorHealth c : snap.colors()) {
                if (c.state() == HealthState.DOWN && "missing".equals(c.docker())) {
                    continue; // a color that does not exist is not news
                }
                boolean active = c.color() == active(status, c.service());
                rows.add(new ColorJson(c.service(), c.color().id(), active, definition.service(c.service()).critical(),
                        c.state().label(), c.cause(), c.docker(), probes(c), detailed ? c.dockerLog() : null));
            }
        }
        boolean failed = rows.stream().anyMatch(r -> r.active() && r.critical() && !r.state().equals("healthy"));
        boolean healthy = rows.stream().filter(ColorJson::active).allMatch(r -> r.state().equals("healthy"));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, new CheckJson(stack, healthy, rows));
        } else {
            print(out, rows, healthy);
        }
        return failed ? ExitCode.FAILED : ExitCode.OK;
    }

    private static Color active(StackStatus status, String service) {
        return status.services().stream().filter(s -> s.name().equals(service)).map(ServiceStatus::active)
                .findFirst().orElse(null);
    }

    private static List<ProbeJson> probes(ColorHealth c) {
        return c.probes().values().stream().sorted(java.util.Comparator.comparing(ProbeResult::kind))
                .map(p -> new ProbeJson(p.kind(), p.path(), p.ok(), p.status(), p.millis(), p.output())).toList();
    }

    private void print(PrintWriter out, List<ColorJson> rows, boolean healthy) {
        TextTable t = new TextTable("SERVICE", "COLOR", "ROLE", "STATE", "DOCKER", "PROBES", "CAUSE");
        for (ColorJson r : rows) {
            String probes = r.probes().stream().map(p -> p.kind() + " " + (p.ok() ? "ok" : "FAIL")
                    + (p.status() > 0 ? " " + p.status() + " " + p.millis() + "ms" : "")).collect(Collectors.joining(", "));
            t.add(r.service(), r.color(), r.active() ? "active" : "standby", r.state(), r.docker(), probes,
                    r.cause().isEmpty() ? null : r.cause());
        }
        t.print(out);
        if (detailed) {
            for (ColorJson r : rows) {
                if (!r.dockerLog().isEmpty()) {
                    out.println();
                    out.println(r.service() + "." + r.color() + " — Docker's last health checks:");
                    r.dockerLog().forEach(l -> out.println("  " + l));
                }
            }
        }
        out.println();
        out.println(healthy ? "All active colors are healthy." : "Not every active color is healthy.");
        out.flush();
    }
}
