package io.turnout.db;

/** A database could not be reached or refused us; the message is one sentence for the operator. */
public final class DbException extends RuntimeException {

    public DbException(String message, Throwable cause) {
        super(message, cause);
    }

    public DbException(String message) {
        super(message);
    }
}
