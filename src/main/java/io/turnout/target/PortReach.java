package io.turnout.target;

import java.net.InetSocketAddress;

/**
 * How this machine reaches a TCP port on a target host's loopback: directly for the local engine,
 * through a tunnel on the host's one SSH session for remote hosts. Tunnels are cached per port.
 */
@FunctionalInterface
public interface PortReach {

    /** @param hostPort a port bound on the target host's 127.0.0.1 */
    InetSocketAddress reach(int hostPort);

    PortReach LOCAL = port -> new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port);
}
