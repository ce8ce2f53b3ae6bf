package io.turnout.docker;

/** The container does not exist (any more) on that engine. */
public final class NoSuchContainerException extends RuntimeException {

    public NoSuchContainerException(String containerId, Throwable cause) {
        super("No container " + containerId + " on this host (removed?).", cause);
    }
}
