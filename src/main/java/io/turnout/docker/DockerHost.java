package io.turnout.docker;

import io.turnout.feed.Feed;
import io.turnout.target.ConnectionState;
import io.turnout.target.TargetUri;

import java.util.List;
import java.util.function.Consumer;

/**
 * One Docker engine as the front ends see it, however it is reached (local socket, SSH, TCP+TLS).
 * All methods block and must not be called on the FX thread; feeds publish on their own thread.
 */
public interface DockerHost extends AutoCloseable {

    TargetUri target();

    /** Connection state of the underlying link (the SSH session for ssh:// targets). */
    Feed<ConnectionState> connection();

    /** Live containers, event-driven with a full resync after every reconnect. */
    Feed<ContainerSnapshot> containers();

    /** One-shot listing ({@code turnout ps}); {@code all} includes stopped containers. */
    List<ContainerRow> list(boolean all);

    ContainerDetails inspect(String containerId);

    /** Streams the last {@code tail} lines and, if {@code follow}, new ones until the handle is closed. */
    AutoCloseable logs(String containerId, int tail, boolean follow, Consumer<LogLine> sink);

    @Override
    void close();
}
