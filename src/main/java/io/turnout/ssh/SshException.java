package io.turnout.ssh;

/** An SSH failure whose message is one sentence for the operator. */
public class SshException extends RuntimeException {

    public SshException(String message) {
        super(message);
    }

    public SshException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when retrying cannot help (authentication, host key): reconnect gives up at once. */
    public boolean permanent() {
        return false;
    }
}
