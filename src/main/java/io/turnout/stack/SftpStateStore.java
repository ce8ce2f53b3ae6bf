package io.turnout.stack;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.SftpException;
import io.turnout.ssh.SshConnection;
import io.turnout.ssh.SshException;
import io.turnout.ssh.SshHostConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link StateStore} on a Docker host, over SFTP on the host's one SSH session (ADR 0009).
 * Keeps one SFTP channel, reopened transparently when the session was re-established; all calls
 * are serialized because JSch's {@link ChannelSftp} is not thread-safe. An operation that fails
 * because the connection dropped is repeated once on a fresh channel when repeating it is
 * harmless (everything but {@link #append} and {@link #createExclusive}).
 *
 * <p>Atomicity: {@link #write} puts a temporary sibling and renames it into place; JSch sends
 * {@code posix-rename@openssh.com} (rename(2), replaces atomically) whenever the server offers it.
 * {@link #createExclusive} puts a temporary sibling and hard-links it to the target with
 * {@code hardlink@openssh.com} (link(2), which fails when the target exists): at most one of any
 * number of racing writers wins, and the file is complete the moment it appears.
 */
public final class SftpStateStore implements StateStore, AutoCloseable {

    /** Relative to the SSH user's home directory, where SFTP sessions start. */
    public static final String DEFAULT_ROOT = ".turnout/stacks";

    private static final Logger LOG = LoggerFactory.getLogger(SftpStateStore.class);
    private static final String POSIX_RENAME = "posix-rename@openssh.com";
    private static final String HARDLINK = "hardlink@openssh.com";
    private static final int PRIVATE_DIR = 0700;

    private final SshConnection ssh;
    private final String root;
    private final ReentrantLock lock = new ReentrantLock();
    private ChannelSftp channel; // guarded by lock

    public SftpStateStore(SshConnection ssh) {
        this(ssh, DEFAULT_ROOT);
    }

    /** @param root absolute, or relative to the login's home directory ({@code ~/} is accepted and means the same) */
    public SftpStateStore(SshConnection ssh, String root) {
        this.ssh = ssh;
        String r = root.startsWith("~/") ? root.substring(2) : root;
        r = r.replaceAll("/+$", "");
        if (r.isEmpty()) {
            throw new IllegalArgumentException("The state root on " + ssh.config().alias() + " must name a directory below the home directory.");
        }
        this.root = r;
    }

    @Override
    public String describe() {
        SshHostConfig cfg = ssh.config();
        return "ssh://" + cfg.user() + "@" + cfg.alias() + (root.startsWith("/") ? root : "/~/" + root);
    }

    @Override
    public Optional<String> read(String path) {
        String full = full(path);
        return call("read", full, true, ch -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                ch.get(full, out);
                return Optional.of(out.toString(StandardCharsets.UTF_8));
            } catch (SftpException e) {
                if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    @Override
    public void write(String path, String content) {
        String full = full(path);
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        call("write", full, true, ch -> {
            String tmp = putTemp(ch, full, bytes);
            try {
                replace(ch, tmp, full);
            } catch (SftpException e) {
                removeQuietly(ch, tmp);
                throw e;
            }
            return null;
        });
    }

    /**
     * Without {@code posix-rename@openssh.com} a plain SFTP rename refuses an existing target:
     * then the target is removed first, and a reader may find the file missing for that moment.
     */
    private static void replace(ChannelSftp ch, String tmp, String full) throws SftpException {
        if ("1".equals(ch.getExtension(POSIX_RENAME))) {
            ch.rename(tmp, full);
            return;
        }
        try {
            ch.rename(tmp, full);
        } catch (SftpException e) {
            if (!exists(ch, full)) {
                throw e;
            }
            ch.rm(full);
            ch.rename(tmp, full);
        }
    }

    /**
     * JSch appends at the size it read just before (it sends no SSH_FXF_APPEND), so two clients
     * appending to one file at the same instant could overwrite each other's line. Turnout's
     * appenders hold the stack lock (ADR 0009); within this process calls are serialized anyway.
     */
    @Override
    public void append(String path, String line) {
        String full = full(path);
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        call("append to", full, false, ch -> {
            withParents(ch, full, () -> ch.put(new ByteArrayInputStream(bytes), full, ChannelSftp.APPEND));
            return null;
        });
    }

    @Override
    public boolean createExclusive(String path, String content) {
        String full = full(path);
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return call("create", full, false, ch -> {
            String tmp = putTemp(ch, full, bytes);
            try {
                if ("1".equals(ch.getExtension(HARDLINK))) {
                    ch.hardlink(tmp, full);
                } else if (ch.getExtension(POSIX_RENAME) == null) {
                    ch.rename(tmp, full); // plain SSH_FXP_RENAME: refuses an existing target (OpenSSH uses link(2))
                } else {
                    throw new SftpException(ChannelSftp.SSH_FX_OP_UNSUPPORTED,
                            "the SFTP server offers no create-if-absent (no " + HARDLINK + ", and its rename replaces)");
                }
                return true;
            } catch (SftpException e) {
                if (e.id != ChannelSftp.SSH_FX_OP_UNSUPPORTED && exists(ch, full)) {
                    return false;
                }
                throw e;
            } finally {
                removeQuietly(ch, tmp);
            }
        });
    }

    @Override
    public boolean delete(String path) {
        String full = full(path);
        return call("delete", full, true, ch -> {
            try {
                ch.rm(full);
                return true;
            } catch (SftpException e) {
                if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public void deleteTree(String path) {
        String full = full(path);
        call("delete", full, true, ch -> {
            deleteRecursively(ch, full);
            return null;
        });
    }

    private static void deleteRecursively(ChannelSftp ch, String full) throws SftpException {
        boolean dir;
        try {
            dir = ch.lstat(full).isDir();
        } catch (SftpException e) {
            if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                return;
            }
            throw e;
        }
        if (dir) {
            for (String name : names(ch, full)) {
                deleteRecursively(ch, full + "/" + name);
            }
            ch.rmdir(full);
        } else {
            ch.rm(full);
        }
    }

    @Override
    public List<String> list(String dir) {
        String full = full(dir);
        return call("list", full, true, ch -> names(ch, full).stream().filter(n -> !StorePaths.isTemp(n)).sorted().toList());
    }

    private static List<String> names(ChannelSftp ch, String full) throws SftpException {
        try {
            return ch.ls(full).stream().map(ChannelSftp.LsEntry::getFilename).filter(n -> !n.equals(".") && !n.equals("..")).toList();
        } catch (SftpException e) {
            if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                return List.of();
            }
            throw e;
        }
    }

    /** Disconnects the SFTP channel (not the SSH session, which belongs to the caller). */
    @Override
    public void close() {
        lock.lock();
        try {
            if (channel != null) {
                channel.disconnect();
                channel = null;
            }
        } finally {
            lock.unlock();
        }
    }

    // ---- helpers ------------------------------------------------------------------------

    private String putTemp(ChannelSftp ch, String full, byte[] bytes) throws SftpException {
        String tmp = StorePaths.tempFor(full);
        withParents(ch, full, () -> ch.put(new ByteArrayInputStream(bytes), tmp, ChannelSftp.OVERWRITE));
        return tmp;
    }

    /** Tries first (the directories usually exist: one round trip saved), creates them on "no such file". */
    private void withParents(ChannelSftp ch, String full, SftpAction action) throws SftpException {
        try {
            action.run();
        } catch (SftpException e) {
            if (e.id != ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                throw e;
            }
            mkdirs(ch, StorePaths.parent(full));
            action.run();
        }
    }

    /** mkdir -p; directories are made private to the login (service environments may hold secrets). */
    private static void mkdirs(ChannelSftp ch, String dir) throws SftpException {
        if (dir.isEmpty() || exists(ch, dir)) {
            return;
        }
        mkdirs(ch, StorePaths.parent(dir));
        try {
            ch.mkdir(dir);
            ch.chmod(PRIVATE_DIR, dir);
        } catch (SftpException e) {
            if (!exists(ch, dir)) { // else another writer created it meanwhile
                throw e;
            }
        }
    }

    private static boolean exists(ChannelSftp ch, String full) throws SftpException {
        try {
            ch.stat(full);
            return true;
        } catch (SftpException e) {
            if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                return false;
            }
            throw e;
        }
    }

    private static void removeQuietly(ChannelSftp ch, String full) {
        try {
            ch.rm(full);
        } catch (SftpException | RuntimeException e) {
            LOG.debug("Temporary file {} not removed: {}", full, e.toString()); // already renamed, or never written
        }
    }

    private String full(String path) {
        String checked = StorePaths.check(path);
        return checked.isEmpty() ? root : root + "/" + checked;
    }

    private <T> T call(String verb, String full, boolean repeatable, SftpOp<T> op) {
        lock.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                ChannelSftp ch = channel(verb, full);
                try {
                    return op.run(ch);
                } catch (SftpException | RuntimeException e) {
                    if (!lost(ch, e)) {
                        throw failure(verb, full, e);
                    }
                    drop(ch);
                    if (!repeatable || attempt > 1) {
                        throw new StateStoreException("Cannot " + verb + " " + where(full)
                                + ": the SSH connection dropped during the operation.", e);
                    }
                    LOG.debug("SFTP to {} dropped during '{} {}'; repeating on a new channel", ssh.config().alias(), verb, full);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private ChannelSftp channel(String verb, String full) {
        if (channel != null && channel.isConnected() && !channel.isClosed()) {
            return channel;
        }
        if (channel != null) {
            channel.disconnect();
            LOG.info("Reopening the SFTP channel to {}: the previous one closed with its SSH session", ssh.config().alias());
        }
        channel = null;
        try {
            channel = ssh.openSftp();
            return channel;
        } catch (SshException e) {
            throw new StateStoreException("Cannot " + verb + " " + where(full) + ": " + trimPeriod(e.getMessage()) + ".", e);
        }
    }

    private void drop(ChannelSftp ch) {
        ch.disconnect();
        if (channel == ch) {
            channel = null;
        }
    }

    /** The channel died under the operation, as opposed to the server refusing it. */
    private static boolean lost(ChannelSftp ch, Exception e) {
        if (!ch.isConnected() || ch.isClosed()) {
            return true;
        }
        if (e instanceof SftpException s) {
            return s.id == ChannelSftp.SSH_FX_CONNECTION_LOST || s.id == ChannelSftp.SSH_FX_NO_CONNECTION
                    || s.getCause() instanceof IOException;
        }
        return false;
    }

    private StateStoreException failure(String verb, String full, Exception e) {
        String why = e instanceof SftpException s ? switch (s.id) {
            case ChannelSftp.SSH_FX_NO_SUCH_FILE -> "no such file or directory";
            case ChannelSftp.SSH_FX_PERMISSION_DENIED -> "permission denied";
            default -> s.getMessage();
        } : e.toString();
        return new StateStoreException("Cannot " + verb + " " + where(full) + ": " + trimPeriod(why) + ".", e);
    }

    /** {@code ~/.turnout/stacks/shop/lock on turnout-sandbox} */
    private String where(String full) {
        return (full.startsWith("/") ? full : "~/" + full) + " on " + ssh.config().alias();
    }

    private static String trimPeriod(String s) {
        return s == null ? "" : s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    @FunctionalInterface
    private interface SftpOp<T> {
        T run(ChannelSftp ch) throws SftpException;
    }

    @FunctionalInterface
    private interface SftpAction {
        void run() throws SftpException;
    }
}
