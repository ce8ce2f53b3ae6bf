package io.turnout.router;

import io.turnout.stack.StackSpec;

import java.net.InetSocketAddress;

/**
 * A router that Turnout runs itself as a container on the stack's network (HAProxy or nginx):
 * the {@link Router} plus its lifecycle and the loopback ports it publishes on the host.
 */
public interface StackRouter extends Router {

    /**
     * Creates the router container, or updates it to {@code spec} (idempotent), serving {@code routes}.
     * Container names of colors that do not exist yet must not stop it from starting.
     */
    void deploy(StackSpec spec, RoutingTable routes);

    /** Stops and removes the router container (and whatever it alone owns). */
    void remove();

    /** Whether its container exists. */
    boolean exists();

    /**
     * Where this machine reaches the router's frontends: the public one, the preview one (always the
     * standby color) and its admin/stats interface — tunnelled through the host's SSH session when
     * the host is remote.
     */
    InetSocketAddress publicAddress();

    InetSocketAddress previewAddress(String service);
}
