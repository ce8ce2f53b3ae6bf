package io.turnout.connect;

import io.turnout.docker.DockerHost;

/**
 * Opens a {@link DockerHost} from what the operator typed: a URI ({@code ssh://…}, {@code unix://…},
 * {@code tcp://…}), an ssh-config alias, a saved profile name or {@code local}. Blocking.
 */
public interface HostConnector {

    /**
     * @throws IllegalArgumentException when the text is not a usable host (exit code 2 in the CLI)
     * @throws io.turnout.target.TargetException when the host cannot be reached or refused us
     */
    DockerHost open(String hostSpec);
}
