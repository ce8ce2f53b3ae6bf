package io.turnout.docker;

import java.nio.file.Path;

/**
 * A context from the docker CLI's store ({@code docker context ls}). {@code tlsDir} is the
 * context's {@code tls/<id>/docker} directory when it holds client certificates, else null.
 */
public record DockerContext(String name, String description, String host, boolean skipTlsVerify, Path tlsDir,
                            boolean current) {

    /** The host as a Turnout target string: tcp:// with TLS material gains {@code ?tls=true&certs=DIR}. */
    public String targetText() {
        if (host != null && host.startsWith("tcp://") && tlsDir != null && !skipTlsVerify) {
            return host + (host.contains("?") ? "&" : "?") + "tls=true&certs=" + tlsDir;
        }
        return host;
    }
}
