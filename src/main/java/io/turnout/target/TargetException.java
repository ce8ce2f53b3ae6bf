package io.turnout.target;

/**
 * An operation against a target failed for a reason the operator can act on. The message is one
 * clear sentence (the CLI prints it as is, the GUI shows it where the action was started).
 */
public class TargetException extends RuntimeException {

    public TargetException(String message) {
        super(message);
    }

    public TargetException(String message, Throwable cause) {
        super(message, cause);
    }
}
