package io.turnout.connect;

import io.turnout.docker.DockerHost;
import io.turnout.target.TargetUri;

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

    /**
     * The target {@code hostSpec} names, without connecting: the key under which front ends show,
     * deduplicate and remember it. The default only parses; connectors that know profiles and the
     * local engine resolve those too.
     *
     * @throws IllegalArgumentException when the text is not a usable host
     */
    default TargetUri resolve(String hostSpec) {
        return TargetUri.parse(hostSpec);
    }
}
