package io.turnout.ui.connect;

import io.turnout.target.TargetUri;

/**
 * What "Add host…" (or a "Connect NAME" palette command) asks for: the target, with the optional
 * remote socket folded in, and whether the operator wants it remembered as a saved profile.
 */
public record AddHostRequest(TargetUri target, String remoteSocket, boolean remember) {

    /**
     * Parses the dialog's two fields; {@code socket} may be blank. Not remembered.
     *
     * @throws IllegalArgumentException with a sentence for the operator when the input is unusable
     */
    public static AddHostRequest parse(String uriOrAlias, String socket) {
        TargetUri parsed = TargetUri.parse(uriOrAlias);
        if (parsed.scheme() != TargetUri.Scheme.UNIX && (parsed.host() == null || parsed.host().isBlank())) {
            throw new IllegalArgumentException("'" + uriOrAlias.strip() + "' names no host.");
        }
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
        return new AddHostRequest(parsed, sock, false);
    }

    public AddHostRequest remembering(boolean remember) {
        return new AddHostRequest(target, remoteSocket, remember);
    }

    /**
     * The name a remembered profile is saved under: {@code [user@]host[:port]} for ssh (so it
     * never hides the ssh-config alias it may point at), {@code host:port} for tcp, the URI for a socket.
     */
    public String profileName() {
        return switch (target.scheme()) {
            case SSH -> (target.user() == null ? "" : target.user() + "@") + target.host() + (target.port() > 0 ? ":" + target.port() : "");
            case TCP -> target.host() + ":" + target.port();
            case UNIX -> target.toString();
        };
    }
}
