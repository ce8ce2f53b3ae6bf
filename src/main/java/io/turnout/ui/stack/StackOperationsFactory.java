package io.turnout.ui.stack;

import io.turnout.docker.DockerHost;
import io.turnout.release.StackOperations;

/**
 * Gives the stack view the engine's operations on one stack of an open host. The composition root
 * supplies it ({@code new DockerStackOperations(StackHosts.of(host), stack, clock, limit)}).
 */
@FunctionalInterface
public interface StackOperationsFactory {

    /** Blocking (it may wait for the host's connection): called off the FX thread only. */
    StackOperations open(DockerHost host, String stack);
}
