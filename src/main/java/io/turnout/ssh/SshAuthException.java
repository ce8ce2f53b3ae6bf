package io.turnout.ssh;

/** The server refused every identity, or a key could not be unlocked. Never retried. */
public final class SshAuthException extends SshException {

    public SshAuthException(String message) {
        super(message);
    }

    public SshAuthException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean permanent() {
        return true;
    }
}
