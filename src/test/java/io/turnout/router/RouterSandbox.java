package io.turnout.router;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import io.turnout.docker.DockerClients;
import io.turnout.docker.EngineClients;
import io.turnout.docker.Labels;
import io.turnout.stack.Color;
import io.turnout.stack.StackSpec;
import io.turnout.stack.StackSpec.HealthSpec;
import io.turnout.stack.StackSpec.RouterKind;
import io.turnout.stack.StackSpec.RouterSpec;
import io.turnout.stack.StackSpec.ServiceSpec;
import io.turnout.target.TargetUri;
import io.turnout.testing.Sandbox;
import io.turnout.testing.SandboxContainers;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One router test's stack on the sandbox dockerd: a unique name ({@code rt-xxxxxxxx}), its
 * network, app colors started as an operator would ({@code docker run}), and a cleanup that
 * removes the router, the colors and the network whatever the test did.
 */
final class RouterSandbox implements AutoCloseable {

    private final EngineClients clients;
    private final SandboxContainers containers;
    private final String name = "rt-" + UUID.randomUUID().toString().substring(0, 8);

    RouterSandbox() {
        clients = DockerClients.withDefaults().forTarget(TargetUri.parse(Sandbox.dockerHost()));
        containers = new SandboxContainers(clients.api());
    }

    DockerClient docker() {
        return clients.api();
    }

    /** One routed service {@code web} on 8080, /health every 300 ms; public port chosen by Docker on 127.0.0.1. */
    StackSpec spec(RouterKind kind) {
        return spec(kind, Map.of("web", service(null)));
    }

    StackSpec spec(RouterKind kind, Map<String, ServiceSpec> services) {
        String image = kind == RouterKind.HAPROXY ? "turnout-fixture/haproxy:local" : "turnout-fixture/nginx:local";
        return new StackSpec(name, new RouterSpec(kind, 0, "127.0.0.1", image, Duration.ofSeconds(5)),
                new LinkedHashMap<>(services));
    }

    static ServiceSpec service(String host) {
        return new ServiceSpec("turnout-fixture/app:v1", 8080,
                new HealthSpec("/health", Duration.ofMillis(300), Duration.ofSeconds(30)), true, true, Map.of(), host);
    }

    /** Starts {@code image} as {@code service}'s {@code color} on the stack network (which the router deploy creates). */
    String runColor(StackSpec spec, String service, Color color, String image) {
        return containers.cliRun(image, "--name", spec.containerName(service, color), "--network", spec.network(),
                "--label", Labels.STACK + "=" + spec.name(), "--label", Labels.SERVICE + "=" + service,
                "--label", Labels.COLOR + "=" + color.id());
    }

    void ensureNetwork(StackSpec spec) {
        new RouterContainer(docker(), spec.routerContainerName()).ensureNetwork(spec.network(), spec.name());
    }

    @Override
    public void close() {
        DockerClient d = clients.api();
        try {
            for (Container c : d.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(Labels.STACK, name)).exec()) {
                d.removeContainerCmd(c.getId()).withForce(true).exec();
            }
            containers.close();
            d.listNetworksCmd().withNameFilter("turnout-" + name).exec().stream()
                    .filter(n -> n.getName().equals("turnout-" + name))
                    .forEach(n -> d.removeNetworkCmd(n.getId()).exec());
        } finally {
            clients.close();
        }
    }
}
