package io.turnout.router;

import io.turnout.stack.StackSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What cannot change without recreating a router container: image, network and published ports.
 * Stored as a label so the next deploy can tell an in-place reload from a re-creation.
 */
record ContainerShape(String image, String network, List<Publish> ports) {

    private static final String LOOPBACK = "127.0.0.1";

    /** A port published on the host; {@code hostPort} 0 lets Docker choose one. */
    record Publish(int containerPort, String hostIp, int hostPort) {
    }

    /**
     * The stack's router image and network; the public port on the stack's bind address, the
     * preview ports and {@code adminPorts} on the host's 127.0.0.1 (Docker picks their numbers).
     */
    static ContainerShape of(StackSpec s, int publicPort, int... adminPorts) {
        List<Publish> publish = new ArrayList<>();
        publish.add(new Publish(publicPort, s.router().publicBind(), s.router().publicPort()));
        for (String svc : RoutedServices.of(s)) {
            publish.add(new Publish(RoutedServices.previewPort(s, svc), LOOPBACK, 0));
        }
        for (int p : adminPorts) {
            publish.add(new Publish(p, LOOPBACK, 0));
        }
        return new ContainerShape(s.router().image(), s.network(), publish);
    }

    String label() {
        return "image=" + image + ";network=" + network + ";ports=" + ports.stream()
                .map(p -> p.containerPort() + "@" + p.hostIp() + ":" + p.hostPort()).collect(Collectors.joining(","));
    }
}
