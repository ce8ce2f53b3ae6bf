package io.turnout.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The resolved OpenSSH settings for one host alias, after first-value-wins resolution and
 * defaults. Immutable; produced by {@link SshConfigFile#resolve(String)}.
 *
 * @param alias                 the name the operator typed (matched against {@code Host} patterns)
 * @param hostName              the real host to connect to ({@code HostName}, else the alias)
 * @param proxyJump             jump hosts in order, each {@code [user@]host[:port]}; empty for a direct connection
 * @param strictHostKeyChecking {@code yes} never prompts for an unknown key; anything else asks
 *                              (changed keys are always refused, whatever this says)
 * @param connectTimeout        {@code ConnectTimeout}, empty when unset (the caller's default applies)
 * @param hostKeyAlias          {@code HostKeyAlias}, or null
 * @param source                {@code file:line} of the first {@code Host} block that matched, or null if only defaults apply
 */
public record SshHostConfig(
        String alias,
        String hostName,
        String user,
        int port,
        List<Path> identityFiles,
        boolean identitiesOnly,
        List<String> proxyJump,
        List<Path> userKnownHostsFiles,
        StrictHostKeyChecking strictHostKeyChecking,
        Duration serverAliveInterval,
        int serverAliveCountMax,
        Optional<Duration> connectTimeout,
        String hostKeyAlias,
        String source) {

    public enum StrictHostKeyChecking { YES, ASK, ACCEPT_NEW, NO }

    public SshHostConfig {
        Objects.requireNonNull(alias);
        Objects.requireNonNull(hostName);
        Objects.requireNonNull(user);
        identityFiles = List.copyOf(identityFiles);
        proxyJump = List.copyOf(proxyJump);
        userKnownHostsFiles = List.copyOf(userKnownHostsFiles);
        Objects.requireNonNull(strictHostKeyChecking);
        Objects.requireNonNull(serverAliveInterval);
        Objects.requireNonNull(connectTimeout);
    }

    /** {@code user@host:port} as used in messages. */
    public String label() {
        return user + "@" + hostName + ":" + port;
    }

    /** The name under which the host key is looked up: HostKeyAlias, {@code host} on port 22, else {@code [host]:port}. */
    public String knownHostsName() {
        if (hostKeyAlias != null) {
            return hostKeyAlias;
        }
        return port == 22 ? hostName : "[" + hostName + "]:" + port;
    }

    public SshHostConfig withUser(String newUser) {
        return new SshHostConfig(alias, hostName, newUser, port, identityFiles, identitiesOnly, proxyJump,
                userKnownHostsFiles, strictHostKeyChecking, serverAliveInterval, serverAliveCountMax,
                connectTimeout, hostKeyAlias, source);
    }

    public SshHostConfig withPort(int newPort) {
        return new SshHostConfig(alias, hostName, user, newPort, identityFiles, identitiesOnly, proxyJump,
                userKnownHostsFiles, strictHostKeyChecking, serverAliveInterval, serverAliveCountMax,
                connectTimeout, hostKeyAlias, source);
    }

    public SshHostConfig withUserKnownHostsFiles(List<Path> files) {
        return new SshHostConfig(alias, hostName, user, port, identityFiles, identitiesOnly, proxyJump,
                files, strictHostKeyChecking, serverAliveInterval, serverAliveCountMax,
                connectTimeout, hostKeyAlias, source);
    }

    public SshHostConfig withIdentityFiles(List<Path> files, boolean only) {
        return new SshHostConfig(alias, hostName, user, port, files, only, proxyJump,
                userKnownHostsFiles, strictHostKeyChecking, serverAliveInterval, serverAliveCountMax,
                connectTimeout, hostKeyAlias, source);
    }
}
