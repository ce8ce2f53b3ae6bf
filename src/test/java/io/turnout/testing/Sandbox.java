package io.turnout.testing;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The test sandbox (see {@code scripts/sandbox}), read from the environment that
 * {@code eval "$(scripts/sandbox env)"} sets. Outside CI a missing component skips the test;
 * with {@code CI=true} it fails it, so a broken sandbox can never turn a red run green.
 */
public final class Sandbox {

    private Sandbox() {
    }

    /** ssh_config with Host {@code turnout-sandbox} (IdentityFile, UserKnownHostsFile set). */
    public static Path sshConfig() {
        return Path.of(require("TURNOUT_SANDBOX_SSH_CONFIG"));
    }

    /** {@code ssh://turnout-sandbox}: the sandbox dockerd reached through the sandbox sshd. */
    public static String host() {
        return require("TURNOUT_SANDBOX_HOST");
    }

    /** {@code unix:///run/turnout-sandbox/docker.sock}: the same dockerd, locally. */
    public static String dockerHost() {
        return require("TURNOUT_SANDBOX_DOCKER_HOST");
    }

    /** The sandbox dockerd's socket path (also its path as seen through SSH: same machine). */
    public static String dockerSocket() {
        return dockerHost().substring("unix://".length());
    }

    /** {@code tcp://127.0.0.1:23760}: the same dockerd over TCP with mutual TLS. */
    public static String tlsHost() {
        return require("TURNOUT_SANDBOX_TLS_HOST");
    }

    /** Client material the TLS endpoint accepts: {@code ca.pem cert.pem key.pem} (DOCKER_CERT_PATH layout). */
    public static Path tlsCerts() {
        return Path.of(require("TURNOUT_SANDBOX_TLS_CERTS"));
    }

    /**
     * A client certificate signed by a CA the engine does NOT trust ({@code ca.pem} is the real CA, so
     * only the server's check of the client certificate fails).
     */
    public static Path tlsRogueCerts() {
        return Path.of(require("TURNOUT_SANDBOX_TLS_ROGUE_CERTS"));
    }

    public static int sshPort() {
        return Integer.parseInt(require("TURNOUT_SANDBOX_SSH_PORT"));
    }

    public static String sshUser() {
        return require("TURNOUT_SANDBOX_SSH_USER");
    }

    public static Path sshKey() {
        return Path.of(require("TURNOUT_SANDBOX_SSH_KEY"));
    }

    /** A passphrase-protected client key accepted by the sandbox sshd, and its passphrase. */
    public static Path sshKeyEncrypted() {
        return Path.of(require("TURNOUT_SANDBOX_SSH_KEY_ENCRYPTED"));
    }

    public static String sshKeyPassphrase() {
        return require("TURNOUT_SANDBOX_SSH_KEY_PASSPHRASE");
    }

    public static Path knownHosts() {
        return Path.of(require("TURNOUT_SANDBOX_KNOWN_HOSTS"));
    }

    /** Public half of a host key the sandbox sshd does NOT use (for changed-key tests). */
    public static Path otherHostKeyPub() {
        return Path.of(require("TURNOUT_SANDBOX_OTHER_HOST_KEY_PUB"));
    }

    public static String pgUrl() {
        return require("TURNOUT_SANDBOX_PG_URL");
    }

    /** The repository's {@code scripts/sandbox}, for actions such as {@code kill-ssh-sessions}. */
    public static Path script() {
        Path p = Path.of("scripts/sandbox").toAbsolutePath();
        if (!Files.isExecutable(p)) {
            missing("scripts/sandbox");
        }
        return p;
    }

    /** An image on the sandbox's loopback registry that dockerd does not have (pushed, then removed). */
    public static String registryImage() {
        return require("TURNOUT_SANDBOX_REGISTRY_IMAGE");
    }

    /** Kills every sshd session of the sandbox user, as a network drop would (the sessions reconnect). */
    public static void killSshSessions() {
        try {
            Process p = new ProcessBuilder(script().toString(), "kill-ssh-sessions").redirectErrorStream(true).start();
            if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new AssertionError("scripts/sandbox kill-ssh-sessions failed: "
                        + new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static String require(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank())
                .orElseGet(() -> missing(name));
    }

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    private static String missing(String what) {
        String msg = what + " is not set: start the sandbox (scripts/sandbox up) and eval \"$(scripts/sandbox env)\"";
        if (inCi()) {
            throw new AssertionError("CI=true and the sandbox is incomplete: " + msg);
        }
        Assumptions.abort(msg);
        return null;
    }
}
