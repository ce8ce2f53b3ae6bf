package io.turnout.connect;

import io.turnout.docker.DockerContext;
import io.turnout.docker.DockerContexts;
import io.turnout.profile.ConnectionProfile;
import io.turnout.profile.ProfileStore;
import io.turnout.ssh.SshConfigFile;
import io.turnout.ssh.SshHostConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every host the operator can pick, in the order they most likely want it: saved profiles,
 * ssh-config aliases, Docker contexts, then the local engine when its socket exists. A name seen
 * earlier hides a later one with the same name.
 */
public final class DefaultHostCatalog implements HostCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultHostCatalog.class);

    private final ProfileStore profiles;
    private final SshConfigFile sshConfig;
    private final DockerContexts contexts;
    private final Path localSocket;

    public DefaultHostCatalog(ProfileStore profiles, SshConfigFile sshConfig, DockerContexts contexts, Path localSocket) {
        this.profiles = profiles;
        this.sshConfig = sshConfig;
        this.contexts = contexts;
        this.localSocket = localSocket;
    }

    @Override
    public List<ConnectionProfile> all() {
        List<ConnectionProfile> out = new ArrayList<>(profiles.load());
        for (SshHostConfig h : sshConfig.listAliases()) {
            out.add(new ConnectionProfile(h.alias(), "ssh://" + h.alias(), h.hostName(), h.user(), h.port(),
                    h.identityFiles().stream().map(Path::toString).toList(),
                    h.proxyJump().isEmpty() ? null : String.join(",", h.proxyJump()), "ssh-config:" + h.source()));
        }
        try {
            for (DockerContext c : contexts.list()) {
                out.add(new ConnectionProfile(c.name(), c.targetText(), null, null, -1, List.of(), null, "docker-context:" + c.name()));
            }
        } catch (RuntimeException e) {
            LOG.warn("Docker contexts not readable: {}", e.getMessage());
        }
        if (Files.exists(localSocket)) {
            out.add(new ConnectionProfile("local", "unix://" + localSocket, null, null, -1, List.of(), null, "local"));
        }
        Set<String> seen = new LinkedHashSet<>();
        return out.stream().filter(p -> seen.add(p.name())).toList();
    }
}
