package io.turnout.release;

import com.github.dockerjava.api.DockerClient;
import io.turnout.stack.StateStore;
import io.turnout.target.PortReach;
import io.turnout.target.TargetUri;

import java.util.Objects;

/**
 * Everything a release needs from one Docker host: its API, the stack state files on it, and a
 * way to reach its loopback ports (the router's preview and admin ports, the public port).
 *
 * @param operator {@code user@workstation}, written into locks and history
 */
public record StackHost(TargetUri target, DockerClient docker, StateStore store, PortReach ports, String operator) {
    public StackHost {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(docker, "docker");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(operator, "operator");
    }
}
