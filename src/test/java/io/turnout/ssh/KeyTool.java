package io.turnout.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs OpenSSH's ssh-keygen for test fixtures and reference output (bounded in time). */
final class KeyTool {

    private KeyTool() {
    }

    static String run(String... cmd) {
        try {
            Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + String.join(" ", cmd));
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", cmd) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A fresh key pair without passphrase; returns the private key path. */
    static Path generate(Path dir, String name, String type) {
        Path key = dir.resolve(name);
        run("ssh-keygen", "-q", "-t", type, "-N", "", "-C", name, "-f", key.toString());
        return key;
    }

    /** The SHA256 fingerprint column of {@code ssh-keygen -lf file}. */
    static String fingerprintOf(Path file) {
        return run("ssh-keygen", "-E", "sha256", "-lf", file.toString()).split("\\s+")[1];
    }
}
