package io.turnout.cli;

import io.turnout.ssh.HostKeyDecision;
import io.turnout.ssh.HostKeyPrompt;
import io.turnout.ssh.SecretPrompt;
import io.turnout.ssh.UnknownHostKey;

import java.io.Console;
import java.util.Locale;
import java.util.Optional;

/**
 * SSH prompts on the terminal, like OpenSSH's: the unknown key's SHA256 fingerprint and a choice.
 * Without a terminal (CI) the host key prompt rejects and the passphrase prompt declines, so the
 * command fails with a clear sentence instead of hanging.
 */
final class TerminalPrompts {

    private TerminalPrompts() {
    }

    static HostKeyPrompt hostKeys(boolean interactive) {
        Console console = System.console();
        if (!interactive || console == null) {
            return HostKeyPrompt.rejecting();
        }
        return key -> ask(console, key);
    }

    static SecretPrompt passphrases(boolean interactive) {
        Console console = System.console();
        if (!interactive || console == null) {
            return SecretPrompt.none();
        }
        return keyPath -> Optional.ofNullable(console.readPassword("Enter passphrase for key '%s': ", keyPath));
    }

    private static HostKeyDecision ask(Console console, UnknownHostKey key) {
        console.printf("The authenticity of host '%s' can't be established.%n", key.host());
        console.printf("%s key fingerprint is %s.%n", key.keyType(), key.fingerprint());
        for (int attempt = 0; attempt < 3; attempt++) {
            String answer = console.readLine("Trust it? [once/always/NO]: ");
            if (answer == null) {
                return HostKeyDecision.REJECT;
            }
            switch (answer.strip().toLowerCase(Locale.ROOT)) {
                case "once", "o" -> { return HostKeyDecision.TRUST_ONCE; }
                case "always", "a", "yes", "y" -> {
                    console.printf("Adding it to %s.%n", key.knownHostsFile());
                    return HostKeyDecision.TRUST_ALWAYS;
                }
                case "", "no", "n" -> { return HostKeyDecision.REJECT; }
                default -> console.printf("Please answer once, always or no.%n");
            }
        }
        return HostKeyDecision.REJECT;
    }
}
