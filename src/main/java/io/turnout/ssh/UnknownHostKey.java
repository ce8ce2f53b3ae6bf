package io.turnout.ssh;

import java.nio.file.Path;

/**
 * A host key that no known_hosts file lists, as shown to the operator.
 *
 * @param host            the known_hosts name ({@code host}, {@code [host]:port} or the HostKeyAlias)
 * @param keyType         e.g. {@code ssh-ed25519}
 * @param fingerprint     {@code SHA256:...} as {@code ssh-keygen -lf} prints it
 * @param knownHostsLine  the line TRUST_ALWAYS would append (same as {@code ssh-keyscan} output)
 * @param knownHostsFile  where TRUST_ALWAYS would append it
 */
public record UnknownHostKey(String host, String keyType, String fingerprint, String knownHostsLine, Path knownHostsFile) {
}
