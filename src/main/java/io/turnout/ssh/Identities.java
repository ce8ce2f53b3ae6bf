package io.turnout.ssh;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.Identity;
import com.jcraft.jsch.IdentityRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import com.jcraft.jsch.SSHAgentConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Vector;

/**
 * The identities offered to one host: ssh-agent keys (unless IdentitiesOnly) followed by the
 * IdentityFiles, decrypted once with passphrases from the {@link SecretPrompt} and kept only in
 * memory (the decrypted keys, never the passphrase) so reconnects do not ask again.
 * Implemented as our own {@link IdentityRepository} because JSch's {@code addIdentity} would
 * otherwise push unencrypted file keys into a running agent.
 */
final class Identities implements IdentityRepository {

    private static final Logger LOG = LoggerFactory.getLogger(Identities.class);
    private static final int PASSPHRASE_ATTEMPTS = 3;

    private final List<Identity> identities;
    private final List<String> offered;
    private final List<String> problems;

    private Identities(List<Identity> identities, List<String> offered, List<String> problems) {
        this.identities = List.copyOf(identities);
        this.offered = List.copyOf(offered);
        this.problems = List.copyOf(problems);
    }

    static Identities load(SshHostConfig cfg, SecretPrompt prompt, Optional<String> agentSocket) {
        List<Identity> ids = new ArrayList<>();
        List<String> offered = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!cfg.identitiesOnly() && agentSocket.isPresent()) {
            try {
                IdentityRepository agent = new AgentIdentityRepository(new SSHAgentConnector(Path.of(agentSocket.get())));
                Vector<Identity> agentIds = agent.getIdentities();
                for (Identity id : agentIds) {
                    ids.add(id);
                    offered.add("agent:" + id.getName());
                }
                if (agentIds.isEmpty()) {
                    problems.add("ssh-agent " + agentSocket.get() + " (holds no keys)");
                }
            } catch (Exception | LinkageError e) {
                problems.add("ssh-agent " + agentSocket.get() + " (not usable)");
                LOG.warn("ssh-agent at {} is not usable: {}", agentSocket.get(), e.toString());
            }
        }
        JSch files = new JSch();
        for (Path key : cfg.identityFiles()) {
            if (!Files.isReadable(key)) {
                LOG.debug("IdentityFile {} does not exist; skipped", key);
                continue;
            }
            try {
                byte[] passphrase = passphraseFor(files, key, prompt, problems);
                if (passphrase == null) {
                    continue;
                }
                try {
                    Path pub = Path.of(key + ".pub");
                    files.addIdentity(key.toString(), Files.isReadable(pub) ? pub.toString() : null, passphrase.length == 0 ? null : passphrase);
                } finally {
                    Arrays.fill(passphrase, (byte) 0);
                }
                offered.add(key.toString());
            } catch (JSchException e) {
                problems.add(key + " (unreadable: " + e.getMessage() + ")");
                LOG.warn("Cannot load IdentityFile {}: {}", key, e.getMessage());
            }
        }
        for (Identity id : files.getIdentityRepository().getIdentities()) {
            ids.add(id);
        }
        return new Identities(ids, offered, problems);
    }

    /** Empty array for an unencrypted key, the verified passphrase bytes, or null to skip the key. */
    private static byte[] passphraseFor(JSch jsch, Path key, SecretPrompt prompt, List<String> problems) throws JSchException {
        KeyPair kp = KeyPair.load(jsch, key.toString(), null);
        try {
            if (!kp.isEncrypted()) {
                return new byte[0];
            }
            for (int attempt = 1; attempt <= PASSPHRASE_ATTEMPTS; attempt++) {
                Optional<char[]> answer = prompt.passphrase(key.toString());
                if (answer.isEmpty()) {
                    problems.add(key + " (encrypted, no passphrase given)");
                    return null;
                }
                byte[] bytes = utf8(answer.get());
                Arrays.fill(answer.get(), '\0');
                byte[] copy = bytes.clone();
                if (kp.decrypt(copy)) {
                    Arrays.fill(copy, (byte) 0);
                    return bytes;
                }
                Arrays.fill(copy, (byte) 0);
                Arrays.fill(bytes, (byte) 0);
                LOG.info("Wrong passphrase for {} (attempt {} of {})", key, attempt, PASSPHRASE_ATTEMPTS);
            }
            problems.add(key + " (wrong passphrase)");
            return null;
        } finally {
            kp.dispose();
        }
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer bb = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = new byte[bb.remaining()];
        bb.get(out);
        if (bb.hasArray()) {
            Arrays.fill(bb.array(), (byte) 0);
        }
        return out;
    }

    /** What was offered, for "Permission denied ... (tried keys: ...)". */
    String describe() {
        List<String> all = new ArrayList<>(offered);
        all.addAll(problems);
        return all.isEmpty() ? "no keys found" : String.join(", ", all);
    }

    boolean hasWrongPassphrase() {
        return problems.stream().anyMatch(p -> p.endsWith("(wrong passphrase)"));
    }

    @Override
    public String getName() {
        return "turnout";
    }

    @Override
    public int getStatus() {
        return RUNNING;
    }

    @Override
    public Vector<Identity> getIdentities() {
        return new Vector<>(identities);
    }

    @Override
    public boolean add(byte[] identity) {
        return false;
    }

    @Override
    public boolean remove(byte[] blob) {
        return false;
    }

    @Override
    public void removeAll() {
        // read-only
    }
}
