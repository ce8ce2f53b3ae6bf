package io.turnout.ssh;

import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.JSchUnknownHostKeyException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;

/** Turns JSch's exceptions into one sentence for the operator. */
final class ConnectErrors {

    private ConnectErrors() {
    }

    static SshException map(JSchException e, SshHostConfig cfg, HostKeyVerifier verifier, Identities ids, Duration timeout) {
        String where = cfg.hostName() + ":" + cfg.port();
        if (e instanceof JSchChangedHostKeyException || e instanceof JSchUnknownHostKeyException
                || verifier.failure().isPresent()) {
            return verifier.failure().orElseGet(() -> new HostKeyException("The host key of " + cfg.knownHostsName() + " was not accepted."));
        }
        Throwable cause = rootCause(e);
        String msg = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (cause instanceof UnknownHostException) {
            return new SshException("Cannot resolve host name '" + cfg.hostName() + "'.", e);
        }
        if (cause instanceof ConnectException) {
            return new SshException("Cannot reach " + where + ": connection refused.", e);
        }
        if (cause instanceof NoRouteToHostException) {
            return new SshException("Cannot reach " + where + ": no route to host.", e);
        }
        if (cause instanceof SocketTimeoutException || msg.contains("timeout") || msg.contains("timed out")) {
            return new SshException("No SSH answer from " + where + " within " + seconds(timeout) + ".", e);
        }
        if (msg.contains("auth fail") || msg.contains("userauth fail")
                || msg.contains("auth cancel")) {
            String reason = ids.hasWrongPassphrase() ? " (a key's passphrase was wrong)" : "";
            return new SshAuthException("Permission denied for " + cfg.label() + reason + " (tried keys: " + ids.describe() + ").", e);
        }
        if (msg.contains("connection is closed by foreign host") || msg.contains("session is down")) {
            return new SshException("The SSH server at " + where + " closed the connection during the handshake.", e);
        }
        return new SshException("SSH connection to " + where + " failed: " + e.getMessage() + ".", e);
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        for (int i = 0; i < 10 && c.getCause() != null && c.getCause() != c; i++) {
            c = c.getCause();
        }
        return c;
    }
}
