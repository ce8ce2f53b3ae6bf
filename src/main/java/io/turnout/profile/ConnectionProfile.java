package io.turnout.profile;

import java.util.List;

/**
 * A saved way to reach a target, or one discovered from the user's own setup. Never holds a
 * secret: keys stay in their files, passphrases are asked for and kept in memory only.
 *
 * @param name          what the operator calls it (an ssh alias, a Docker context name, a label)
 * @param uri           the {@link io.turnout.target.TargetUri} text
 * @param hostName      resolved host name (ssh HostName), or null for local sockets
 * @param user          resolved login user, or null
 * @param port          resolved port, or -1
 * @param identityFiles identity files that would be offered
 * @param proxyJump     ProxyJump hops, or null
 * @param source        where it came from: {@code profiles}, {@code ssh-config:FILE:LINE},
 *                      {@code docker-context:NAME}, {@code local}
 */
public record ConnectionProfile(String name, String uri, String hostName, String user, int port,
                                List<String> identityFiles, String proxyJump, String source) {

    public ConnectionProfile {
        identityFiles = identityFiles == null ? List.of() : List.copyOf(identityFiles);
    }

    public static ConnectionProfile saved(String name, String uri) {
        return new ConnectionProfile(name, uri, null, null, -1, List.of(), null, "profiles");
    }
}
