package io.turnout.ssh;

/** The server's host key was not accepted (unknown and rejected, revoked, or changed). Never retried. */
public class HostKeyException extends SshException {

    public HostKeyException(String message) {
        super(message);
    }

    @Override
    public boolean permanent() {
        return true;
    }
}
