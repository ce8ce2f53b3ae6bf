package io.turnout.stack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A {@link StateStore} on this machine's filesystem (stacks on the local Docker engine, tests).
 * Writes go to a temporary sibling and are renamed into place atomically; appends use
 * {@code O_APPEND} with one write per line; {@link #createExclusive} links a finished temporary
 * file to the target, which the kernel refuses when the target exists — race-free between
 * processes, and a reader never sees a half-written lock. Everything is fsync'ed before returning.
 */
public final class LocalStateStore implements StateStore {

    private final Path root;

    public LocalStateStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public String describe() {
        String uri = root.toUri().toString();
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri; // toUri() adds one for existing directories
    }

    @Override
    public Optional<String> read(String path) {
        Path p = resolve(path);
        try {
            return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure("read", p, e);
        }
    }

    @Override
    public void write(String path, String content) {
        Path p = resolve(path);
        Path tmp = null;
        try {
            tmp = writeTemp(p, content);
            Files.move(tmp, p, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
        } catch (IOException e) {
            throw failure("write", p, e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    @Override
    public void append(String path, String line) {
        Path p = resolve(path);
        try {
            createParents(p);
            try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                ByteBuffer buf = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
                // One write(2) with O_APPEND: concurrent appenders never interleave inside a line.
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(false);
            }
        } catch (IOException e) {
            throw failure("append to", p, e);
        }
    }

    @Override
    public boolean createExclusive(String path, String content) {
        Path p = resolve(path);
        Path tmp = null;
        try {
            tmp = writeTemp(p, content);
            try {
                Files.createLink(p, tmp);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException e) {
                return createNew(p, content); // a filesystem without hard links
            }
        } catch (IOException e) {
            throw failure("create", p, e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** O_CREAT|O_EXCL: as exclusive, but a reader may briefly see the file still empty. */
    private static boolean createNew(Path p, String content) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    @Override
    public boolean delete(String path) {
        Path p = resolve(path);
        try {
            return Files.deleteIfExists(p);
        } catch (IOException e) {
            throw failure("delete", p, e);
        }
    }

    @Override
    public void deleteTree(String path) {
        Path p = resolve(path);
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> all = Files.walk(p)) {
            for (Path each : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        } catch (NoSuchFileException e) {
            // removed concurrently: that is what we wanted
        } catch (DirectoryNotEmptyException e) {
            throw failure("delete", p, new IOException("something was written into it while it was being deleted", e));
        } catch (IOException e) {
            throw failure("delete", p, e);
        }
    }

    @Override
    public List<String> list(String dir) {
        Path p = resolve(dir);
        if (!Files.isDirectory(p)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(p)) {
            return children.map(c -> c.getFileName().toString()).filter(n -> !StorePaths.isTemp(n)).sorted().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw failure("list", p, e);
        }
    }

    private Path writeTemp(Path p, String content) throws IOException {
        createParents(p);
        Path tmp = p.resolveSibling(StorePaths.tempFor(p.getFileName().toString()));
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        return tmp;
    }

    /** Directories are private to the user: the files hold service environments, which may carry secrets. */
    private void createParents(Path p) throws IOException {
        Path parent = p.getParent();
        if (Files.isDirectory(parent)) {
            return;
        }
        try {
            Files.createDirectories(parent, privateDir());
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(parent);
        }
    }

    private static FileAttribute<?> privateDir() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    }

    private Path resolve(String path) {
        String checked = StorePaths.check(path);
        return checked.isEmpty() ? root : root.resolve(checked);
    }

    private static StateStoreException failure(String verb, Path p, IOException e) {
        String why = switch (e) {
            case NoSuchFileException n -> "no such file or directory";
            case AccessDeniedException a -> "permission denied";
            case FileSystemException f when f.getReason() != null -> f.getReason();
            default -> e.getMessage();
        };
        return new StateStoreException("Cannot " + verb + " " + p + " on this machine: " + why + ".", e);
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // a leftover temporary file is never listed nor read
            }
        }
    }
}
