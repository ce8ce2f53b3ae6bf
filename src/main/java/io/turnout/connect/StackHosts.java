package io.turnout.connect;

import io.turnout.stack.LockInfos;
import io.turnout.docker.DockerHost;
import io.turnout.release.StackHost;
import io.turnout.ssh.SshConnection;
import io.turnout.stack.LocalStateStore;
import io.turnout.stack.SftpStateStore;
import io.turnout.target.PortReach;
import io.turnout.target.TargetUri;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives a connected Docker host what releases need besides its API: the stack state files (SFTP
 * over the host's SSH session, or this machine's disk for the local engine) and a way to reach its
 * loopback ports (tunnels on the same SSH session, or directly).
 */
public final class StackHosts {

    /** Under the SSH user's home on remote hosts, under the user's home for the local engine (ADR 0009). */
    public static final String STATE_ROOT = ".turnout/stacks";

    private StackHosts() {
    }

    public static StackHost of(DockerHost host) {
        TargetUri target = host.target();
        var docker = DefaultHostConnector.engineOf(host).api();
        Optional<SshConnection> ssh = DefaultHostConnector.sshOf(host);
        if (ssh.isPresent()) {
            return new StackHost(target, docker, new SftpStateStore(ssh.get(), STATE_ROOT), tunnels(ssh.get()), LockInfos.operator());
        }
        if (target.scheme() == TargetUri.Scheme.UNIX) {
            Path root = Path.of(System.getProperty("user.home"), STATE_ROOT);
            return new StackHost(target, docker, new LocalStateStore(root), PortReach.LOCAL, LockInfos.operator());
        }
        throw new IllegalArgumentException("Releases on " + target.label() + " need SSH access to the host (for the stack's"
                + " state files and the router's loopback ports); connect with ssh:// instead of tcp://.");
    }

    /** One tunnel per host port for the life of the session, opened on first use. */
    private static PortReach tunnels(SshConnection ssh) {
        Map<Integer, InetSocketAddress> open = new ConcurrentHashMap<>();
        return port -> open.computeIfAbsent(port, p ->
                new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), ssh.forwardTcp("127.0.0.1", p)));
    }
}
