package io.turnout.ssh;

import java.util.Optional;

/**
 * Asks for the passphrase of a private key. The returned array is wiped after use; passphrases
 * are never logged or written. Empty means "cancelled / no terminal".
 */
@FunctionalInterface
public interface SecretPrompt {

    Optional<char[]> passphrase(String keyPath);

    static SecretPrompt none() {
        return keyPath -> Optional.empty();
    }
}
