package io.turnout.ssh;

/**
 * The server presented a different key than known_hosts records for it: possibly a
 * man-in-the-middle. Never prompted; the operator has to fix the named known_hosts line.
 */
public final class HostKeyChangedException extends HostKeyException {

    private final String host;
    private final String knownFingerprint;
    private final String presentedFingerprint;
    private final String knownHostsLocation;

    public HostKeyChangedException(String host, String knownFingerprint, String presentedFingerprint, String knownHostsLocation) {
        super("The host key of " + host + " has changed: known_hosts has " + knownFingerprint
                + " but the server presented " + presentedFingerprint
                + "; if the change is legitimate, remove the old key at " + knownHostsLocation
                + " (ssh-keygen -R '" + host + "'), otherwise someone may be intercepting the connection.");
        this.host = host;
        this.knownFingerprint = knownFingerprint;
        this.presentedFingerprint = presentedFingerprint;
        this.knownHostsLocation = knownHostsLocation;
    }

    public String host() {
        return host;
    }

    public String knownFingerprint() {
        return knownFingerprint;
    }

    public String presentedFingerprint() {
        return presentedFingerprint;
    }

    /** {@code file:line} of the known_hosts entry that disagrees. */
    public String knownHostsLocation() {
        return knownHostsLocation;
    }
}
