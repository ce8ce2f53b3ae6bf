package io.turnout.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Strict host key checking for one host (one hop), plugged into JSch as its
 * {@link HostKeyRepository} with JSch's own {@code StrictHostKeyChecking=yes}, so JSch never
 * adds keys by itself. {@link #check} answers OK only for a key listed in a known_hosts file or
 * explicitly trusted by the operator; anything else aborts the handshake and leaves the reason in
 * {@link #failure()}. The known_hosts files are re-read on every check (reconnects re-verify).
 */
public final class HostKeyVerifier implements HostKeyRepository {

    private static final Logger LOG = LoggerFactory.getLogger(HostKeyVerifier.class);

    private final String name;
    private final List<Path> knownHostsFiles;
    private final SshHostConfig.StrictHostKeyChecking strictness;
    private final HostKeyPrompt prompt;
    private final List<byte[]> trustedOnce = new CopyOnWriteArrayList<>();
    private volatile HostKeyException failure;

    public HostKeyVerifier(SshHostConfig cfg, HostKeyPrompt prompt) {
        this(cfg.knownHostsName(), cfg.userKnownHostsFiles(), cfg.strictHostKeyChecking(), prompt);
    }

    public HostKeyVerifier(String name, List<Path> knownHostsFiles, SshHostConfig.StrictHostKeyChecking strictness, HostKeyPrompt prompt) {
        this.name = name;
        this.knownHostsFiles = List.copyOf(knownHostsFiles);
        this.strictness = strictness;
        this.prompt = prompt;
    }

    /** Why the last {@link #check} refused, if it did. */
    public Optional<HostKeyException> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public int check(String jschHost, byte[] key) {
        failure = null;
        String fp = Fingerprints.sha256(key);
        List<KnownHostsFile.Entry> matches = new ArrayList<>();
        for (Path f : knownHostsFiles) {
            matches.addAll(KnownHostsFile.read(f).matching(name));
        }
        for (KnownHostsFile.Entry e : matches) {
            if (e.revoked() && KnownHostsFile.sameKey(e, key)) {
                failure = new HostKeyException("The host key of " + name + " (" + fp + ") is marked @revoked at "
                        + e.location() + "; refusing to connect.");
                return CHANGED;
            }
        }
        for (KnownHostsFile.Entry e : matches) {
            if (!e.revoked() && KnownHostsFile.sameKey(e, key)) {
                LOG.debug("Host key of {} matches {}", name, e.location());
                return OK;
            }
        }
        Optional<KnownHostsFile.Entry> old = matches.stream().filter(e -> !e.revoked()).findFirst();
        if (old.isPresent()) {
            failure = new HostKeyChangedException(name, old.get().fingerprint(), fp, old.get().location());
            LOG.warn("{}", failure.getMessage());
            return CHANGED;
        }
        if (trustedOnce.stream().anyMatch(k -> Arrays.equals(k, key))) {
            return OK;
        }
        String line = KnownHostsFile.line(name, key);
        Path target = knownHostsFiles.isEmpty() ? null : knownHostsFiles.getFirst();
        UnknownHostKey unknown = new UnknownHostKey(name, Fingerprints.keyType(key), fp, line, target);
        HostKeyDecision decision = strictness == SshHostConfig.StrictHostKeyChecking.YES
                ? HostKeyDecision.REJECT : prompt.ask(unknown);
        switch (decision) {
            case TRUST_ONCE -> {
                trustedOnce.add(key.clone());
                LOG.info("Trusting host key {} of {} for this connection only", fp, name);
                return OK;
            }
            case TRUST_ALWAYS -> {
                if (target == null) {
                    trustedOnce.add(key.clone());
                    LOG.warn("UserKnownHostsFile is 'none'; trusting {} of {} for this connection only", fp, name);
                    return OK;
                }
                append(target, line);
                LOG.info("Added host key {} of {} to {}", fp, name, target);
                return OK;
            }
            default -> {
                failure = new HostKeyException("The host key of " + name + " is not known (" + unknown.keyType() + " " + fp
                        + "); verify this fingerprint with the server's administrator, then add this line to "
                        + (target != null ? target : "~/.ssh/known_hosts") + ": " + line);
                return NOT_INCLUDED;
            }
        }
    }

    static void append(Path file, String line) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            byte[] existing = Files.readAllBytes(file);
            String prefix = existing.length > 0 && existing[existing.length - 1] != '\n' ? "\n" : "";
            Files.writeString(file, prefix + line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        // JSch runs with StrictHostKeyChecking=yes and never calls this; keys are added only in check().
    }

    @Override
    public void remove(String host, String type) {
        throw new UnsupportedOperationException("Turnout never removes known_hosts entries");
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        throw new UnsupportedOperationException("Turnout never removes known_hosts entries");
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return knownHostsFiles.toString();
    }

    @Override
    public HostKey[] getHostKey() {
        return getHostKey(name, null);
    }

    /** Known keys for this host, so JSch prefers the host key algorithms we can verify. */
    @Override
    public HostKey[] getHostKey(String host, String type) {
        List<HostKey> out = new ArrayList<>();
        for (Path f : knownHostsFiles) {
            for (KnownHostsFile.Entry e : KnownHostsFile.read(f).matching(name)) {
                if (e.revoked() || (type != null && !type.equals(e.keyType()))) {
                    continue;
                }
                try {
                    out.add(new HostKey(name, e.keyBlob()));
                } catch (JSchException ex) {
                    LOG.debug("Skipping unsupported key type {} at {}", e.keyType(), e.location());
                }
            }
        }
        return out.toArray(HostKey[]::new);
    }
}
