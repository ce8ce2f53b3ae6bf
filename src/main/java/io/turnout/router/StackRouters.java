package io.turnout.router;

import com.github.dockerjava.api.DockerClient;
import io.turnout.stack.StackSpec;
import io.turnout.target.PortReach;

/** Picks the router a stack's {@code router.kind} names. */
public final class StackRouters {

    private StackRouters() {
    }

    public static StackRouter forSpec(DockerClient docker, PortReach ports, StackSpec spec) {
        return switch (spec.router().kind()) {
            case HAPROXY -> new HaproxyRouter(docker, ports, spec);
            case NGINX -> new NginxRouter(docker, ports, spec);
        };
    }
}
