package io.turnout.router;

/** The router refused a change (config rejected, runtime API error) or cannot be reached; nothing was switched. */
public final class RouterException extends RuntimeException {
    public RouterException(String message) {
        super(message);
    }

    public RouterException(String message, Throwable cause) {
        super(message, cause);
    }
}
