package io.turnout.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Private (0700) directories for local relay sockets. */
final class RuntimeDirs {

    private RuntimeDirs() {
    }

    /** {@code $XDG_RUNTIME_DIR/turnout}, else {@code <java.io.tmpdir>/turnout-<user>}. */
    static Path defaultParent() {
        String xdg = System.getenv("XDG_RUNTIME_DIR");
        if (xdg != null && !xdg.isBlank() && Files.isDirectory(Path.of(xdg))) {
            return Path.of(xdg, "turnout");
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "turnout-" + System.getProperty("user.name"));
    }

    /** A fresh 0700 directory under {@code parent} (itself created 0700 if missing). */
    static Path createPrivate(Path parent, String prefix) {
        try {
            var perms = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
            if (!Files.isDirectory(parent)) {
                Files.createDirectories(parent, perms);
            }
            Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwx------"));
            return Files.createTempDirectory(parent, prefix, perms);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a private socket directory under " + parent + ": " + e.getMessage(), e);
        }
    }
}
