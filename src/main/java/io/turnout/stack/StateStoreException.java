package io.turnout.stack;

/** Stack state could not be read or written; the message is one sentence naming the host and the path. */
public class StateStoreException extends RuntimeException {

    public StateStoreException(String message) {
        super(message);
    }

    public StateStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
