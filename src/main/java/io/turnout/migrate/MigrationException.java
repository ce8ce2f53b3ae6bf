package io.turnout.migrate;

/** A migration could not be inspected or applied; the message is one sentence for the operator. */
public final class MigrationException extends RuntimeException {

    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
