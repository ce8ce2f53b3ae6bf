package io.turnout.ssh;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * A parsed known_hosts file (OpenSSH sshd(8) format): plain and hashed ({@code |1|salt|hash})
 * host fields, comma-separated patterns with {@code !negation}, {@code [host]:port}, and the
 * {@code @revoked} marker. {@code @cert-authority} lines are ignored (no certificate support).
 */
public final class KnownHostsFile {

    /** One key line; {@code line} is 1-based. */
    public record Entry(Path file, int line, String hosts, String keyType, String keyBase64, boolean revoked) {

        public byte[] keyBlob() {
            return Base64.getDecoder().decode(keyBase64);
        }

        public String fingerprint() {
            return Fingerprints.sha256(keyBase64);
        }

        public String location() {
            return file + ":" + line;
        }

        public boolean matches(String name) {
            if (hosts.startsWith("|1|")) {
                return hashedMatches(hosts, name);
            }
            return HostPatterns.matchesAny(List.of(hosts.split(",")), name);
        }
    }

    private final Path file;
    private final List<Entry> entries;

    private KnownHostsFile(Path file, List<Entry> entries) {
        this.file = file;
        this.entries = List.copyOf(entries);
    }

    /** Reads {@code file}; a missing file is empty. Malformed lines are skipped, as OpenSSH does. */
    public static KnownHostsFile read(Path file) {
        if (!Files.exists(file)) {
            return new KnownHostsFile(file, List.of());
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read known hosts file " + file + ": " + e.getMessage(), e);
        }
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\\s+");
            boolean revoked = false;
            int at = 0;
            if (f[0].startsWith("@")) {
                String marker = f[0].toLowerCase(Locale.ROOT);
                if (!marker.equals("@revoked")) {
                    continue; // @cert-authority: not supported
                }
                revoked = true;
                at = 1;
            }
            if (f.length < at + 3) {
                continue;
            }
            try {
                Base64.getDecoder().decode(f[at + 2]);
            } catch (IllegalArgumentException e) {
                continue;
            }
            out.add(new Entry(file, i + 1, f[at], f[at + 1], f[at + 2], revoked));
        }
        return new KnownHostsFile(file, out);
    }

    public Path file() {
        return file;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Entries whose host field matches {@code name} (e.g. {@code host} or {@code [host]:2222}). */
    public List<Entry> matching(String name) {
        return entries.stream().filter(e -> e.matches(name)).toList();
    }

    /** A known_hosts line for {@code name}, as {@code ssh-keyscan} prints it. */
    public static String line(String name, byte[] keyBlob) {
        return name + " " + Fingerprints.keyType(keyBlob) + " " + Base64.getEncoder().encodeToString(keyBlob);
    }

    private static boolean hashedMatches(String field, String name) {
        String[] parts = field.split("\\|");
        // "", "1", salt, hash
        if (parts.length != 4) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            byte[] actual = mac.doFinal(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.security.MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return file + " (" + entries.size() + " keys)";
    }

    static boolean sameKey(Entry e, byte[] blob) {
        return Arrays.equals(e.keyBlob(), blob);
    }
}
