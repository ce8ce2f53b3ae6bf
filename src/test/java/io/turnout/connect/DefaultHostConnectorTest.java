package io.turnout.connect;

import io.turnout.docker.ContainerFeed;
import io.turnout.docker.DockerClients;
import io.turnout.docker.DockerHostFactory;
import io.turnout.profile.ConnectionProfile;
import io.turnout.profile.ProfileStore;
import io.turnout.ssh.HostKeyPrompt;
import io.turnout.ssh.SecretPrompt;
import io.turnout.ssh.SshConfigFile;
import io.turnout.ssh.SshOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a host spec names, decided in one place for the CLI, the GUI and the saved state. No host is contacted. */
class DefaultHostConnectorTest {

    @TempDir
    Path dir;

    private DefaultHostConnector connector(Map<String, String> env) {
        SshConfigFile cfg = new SshConfigFile(List.of(), dir, "ops");
        DockerHostFactory docker = new DockerHostFactory(new DockerClients(Duration.ofSeconds(1), Duration.ofSeconds(1), env),
                ContainerFeed.Settings.defaults(), Duration.ofSeconds(5));
        return new DefaultHostConnector(docker, cfg, SshOptions.defaults(cfg, HostKeyPrompt.rejecting(), SecretPrompt.none()),
                new ProfileStore(dir));
    }

    @Test
    void localFollowsTheInjectedDockerHost() {
        assertThat(connector(Map.of("DOCKER_HOST", "unix:///run/user/1000/docker.sock")).resolve("local"))
                .hasToString("unix:///run/user/1000/docker.sock");
        assertThat(connector(Map.of()).resolve("local")).hasToString("unix:///var/run/docker.sock");
    }

    @Test
    void savedProfileNameResolvesToItsUriAndAliasesParse() {
        new ProfileStore(dir).save(ConnectionProfile.saved("prod", "ssh://deploy@prod-1:2222"));
        DefaultHostConnector c = connector(Map.of());
        assertThat(c.resolve("prod")).hasToString("ssh://deploy@prod-1:2222");
        assertThat(c.resolve("edge-1")).hasToString("ssh://edge-1");
        assertThatThrownBy(() -> c.resolve(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
