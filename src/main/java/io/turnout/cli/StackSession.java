package io.turnout.cli;

import io.turnout.connect.StackHosts;
import io.turnout.docker.DockerHost;
import io.turnout.release.DockerStackOperations;

import java.time.Clock;

/** One CLI command's connection to a host and the operations on one of its stacks; closes the connection. */
final class StackSession implements AutoCloseable {

    private final DockerHost docker;
    private final DockerStackOperations ops;

    private StackSession(DockerHost docker, DockerStackOperations ops) {
        this.docker = docker;
        this.ops = ops;
    }

    static StackSession open(TurnoutCommand root, String host, String stack) {
        boolean interactive = Terminal.interactive();
        DockerHost docker = root.services().connector(root.sshConfig(), TerminalPrompts.hostKeys(interactive),
                TerminalPrompts.passphrases(interactive)).open(host);
        try {
            int limit = EnvDefaults.rollbackLimit(root.services().environment());
            return new StackSession(docker, new DockerStackOperations(StackHosts.of(docker), stack, Clock.systemUTC(), limit));
        } catch (RuntimeException e) {
            docker.close();
            throw e;
        }
    }

    DockerStackOperations ops() {
        return ops;
    }

    /** The connection itself, for feeds that need the Docker API or the SSH session (health probes). */
    DockerHost host() {
        return docker;
    }

    @Override
    public void close() {
        docker.close();
    }
}
