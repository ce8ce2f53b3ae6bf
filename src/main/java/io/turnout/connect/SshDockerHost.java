package io.turnout.connect;

import io.turnout.docker.ContainerDetails;
import io.turnout.docker.ContainerRow;
import io.turnout.docker.ContainerSnapshot;
import io.turnout.docker.DockerHost;
import io.turnout.docker.EngineDockerHost;
import io.turnout.docker.LogLine;
import io.turnout.feed.Feed;
import io.turnout.ssh.SshConnection;
import io.turnout.target.ConnectionState;
import io.turnout.target.TargetUri;

import java.util.List;
import java.util.function.Consumer;

/** A Docker engine reached through an SSH session it owns: closing it closes the session too. */
final class SshDockerHost implements DockerHost {

    private final EngineDockerHost engine;
    private final SshConnection ssh;

    SshDockerHost(EngineDockerHost engine, SshConnection ssh) {
        this.engine = engine;
        this.ssh = ssh;
    }

    SshConnection ssh() {
        return ssh;
    }

    EngineDockerHost engine() {
        return engine;
    }

    @Override public TargetUri target() { return engine.target(); }
    @Override public Feed<ConnectionState> connection() { return ssh.state(); }
    @Override public Feed<ContainerSnapshot> containers() { return engine.containers(); }
    @Override public List<ContainerRow> list(boolean all) { return engine.list(all); }
    @Override public ContainerDetails inspect(String containerId) { return engine.inspect(containerId); }

    @Override
    public AutoCloseable logs(String containerId, int tail, boolean follow, Consumer<LogLine> sink) {
        return engine.logs(containerId, tail, follow, sink);
    }

    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            ssh.close();
        }
    }
}
