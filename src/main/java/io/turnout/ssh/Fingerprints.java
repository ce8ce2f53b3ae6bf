package io.turnout.ssh;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** OpenSSH-style key fingerprints; pure functions. */
public final class Fingerprints {

    private Fingerprints() {
    }

    /** {@code SHA256:} + unpadded base64 of sha256(key blob), exactly as {@code ssh-keygen -lf} prints it. */
    public static String sha256(byte[] keyBlob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyBlob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** The fingerprint of a base64 key as found in known_hosts and {@code .pub} files. */
    public static String sha256(String base64Blob) {
        return sha256(Base64.getDecoder().decode(base64Blob));
    }

    /** The key type name inside an SSH wire-format key blob (e.g. {@code ssh-ed25519}). */
    public static String keyType(byte[] blob) {
        if (blob.length < 4) {
            throw new IllegalArgumentException("Not an SSH key blob");
        }
        int len = ((blob[0] & 0xff) << 24) | ((blob[1] & 0xff) << 16) | ((blob[2] & 0xff) << 8) | (blob[3] & 0xff);
        if (len <= 0 || len > blob.length - 4) {
            throw new IllegalArgumentException("Not an SSH key blob");
        }
        return new String(blob, 4, len, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
