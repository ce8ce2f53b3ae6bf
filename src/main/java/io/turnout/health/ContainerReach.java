package io.turnout.health;

import io.turnout.ssh.SshConnection;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How this machine reaches a container's port on the stack network: directly when the engine is
 * local, through a tunnel on the host's SSH session otherwise (the network is only routable on the host).
 */
@FunctionalInterface
public interface ContainerReach {

    InetSocketAddress reach(String containerIp, int port);

    ContainerReach DIRECT = InetSocketAddress::new;

    /** One tunnel per container address for the life of the session, opened on first use. */
    static ContainerReach through(SshConnection ssh) {
        Map<String, InetSocketAddress> open = new ConcurrentHashMap<>();
        return (ip, port) -> open.computeIfAbsent(ip + ":" + port,
                k -> new InetSocketAddress(InetAddress.getLoopbackAddress(), ssh.forwardTcp(ip, port)));
    }
}
