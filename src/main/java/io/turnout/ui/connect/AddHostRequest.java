package io.turnout.ui.connect;

import io.turnout.target.TargetUri;

/** What the "Add host…" dialog returns: the target as typed, with the optional remote socket folded in. */
public record AddHostRequest(TargetUri target, String remoteSocket) {

    /**
     * Parses the dialog's two fields; {@code socket} may be blank.
     *
     * @throws IllegalArgumentException with a sentence for the operator when the input is unusable
     */
    public static AddHostRequest parse(String uriOrAlias, String socket) {
        TargetUri parsed = TargetUri.parse(uriOrAlias);
        String sock = socket == null || socket.isBlank() ? null : socket.strip();
        if (sock != null) {
            if (!sock.startsWith("/")) {
                throw new IllegalArgumentException("The remote socket path must be absolute, e.g. /var/run/docker.sock.");
            }
            if (parsed.scheme() != TargetUri.Scheme.SSH) {
                throw new IllegalArgumentException("A remote socket path only applies to ssh:// hosts.");
            }
            var params = new java.util.LinkedHashMap<>(parsed.params());
            params.put("socket", sock);
            parsed = new TargetUri(parsed.scheme(), parsed.user(), parsed.host(), parsed.port(), parsed.path(), params);
        }
        return new AddHostRequest(parsed, sock);
    }
}
