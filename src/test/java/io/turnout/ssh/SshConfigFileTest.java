package io.turnout.ssh;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SshConfigFileTest {

    @TempDir
    Path home;

    private SshConfigFile config(String text) throws IOException {
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        Path f = ssh.resolve("config");
        Files.writeString(f, text);
        return new SshConfigFile(List.of(f), home, "alice");
    }

    @Test
    void firstObtainedValueWinsAcrossBlocks() throws IOException {
        SshConfigFile c = config("""
                Host prod-*
                  User deploy
                  Port 2200
                Host *
                  User nobody
                  Port 22
                """);
        SshHostConfig h = c.resolve("prod-1");
        assertThat(h.user()).isEqualTo("deploy");
        assertThat(h.port()).isEqualTo(2200);
        assertThat(h.hostName()).isEqualTo("prod-1");
        assertThat(c.resolve("other").user()).isEqualTo("nobody");
    }

    @Test
    void keywordsAreCaseInsensitiveAndAcceptEqualsAndQuotes() throws IOException {
        SshConfigFile c = config("""
                HOST web
                  hostname=10.0.0.5
                  USER = "ops team"
                  identityFile "~/keys/my key"
                """);
        SshHostConfig h = c.resolve("web");
        assertThat(h.hostName()).isEqualTo("10.0.0.5");
        assertThat(h.user()).isEqualTo("ops team");
        assertThat(h.identityFiles()).containsExactly(home.resolve("keys/my key"));
    }

    @Test
    void negatedPatternExcludesAHostFromAWildcardBlock() throws IOException {
        SshConfigFile c = config("""
                Host *.example.com !bastion.example.com
                  ProxyJump bastion.example.com
                Host db? web
                  User svc
                """);
        assertThat(c.resolve("app.example.com").proxyJump()).containsExactly("bastion.example.com");
        assertThat(c.resolve("bastion.example.com").proxyJump()).isEmpty();
        assertThat(c.resolve("db1").user()).isEqualTo("svc");
        assertThat(c.resolve("web").user()).isEqualTo("svc");
        assertThat(c.resolve("db12").user()).isEqualTo("alice");
    }

    @Test
    void proxyJumpListsHopsInOrderAndNoneMeansDirect() throws IOException {
        SshConfigFile c = config("""
                Host direct
                  ProxyJump none
                Host far
                  ProxyJump ops@gw1:2222, gw2
                """);
        assertThat(c.resolve("far").proxyJump()).containsExactly("ops@gw1:2222", "gw2");
        assertThat(c.resolve("direct").proxyJump()).isEmpty();
    }

    @Test
    void includeWithGlobIsReadRelativeToDotSshInSortedOrder() throws IOException {
        Path d = Files.createDirectories(home.resolve(".ssh/conf.d"));
        Files.writeString(d.resolve("b.conf"), "Host alpha\n  User from-b\n");
        Files.writeString(d.resolve("a.conf"), "Host alpha\n  User from-a\n  Port 2022\n");
        Files.writeString(d.resolve("ignored.txt"), "Host alpha\n  User wrong\n");
        SshConfigFile c = config("""
                Include conf.d/*.conf
                Host alpha
                  Port 9999
                  HostName alpha.internal
                """);
        SshHostConfig h = c.resolve("alpha");
        assertThat(h.user()).isEqualTo("from-a");
        assertThat(h.port()).isEqualTo(2022);
        assertThat(h.hostName()).isEqualTo("alpha.internal");
        assertThat(h.source()).endsWith("a.conf:1");
    }

    @Test
    void includeLoopIsStoppedWithAClearError() throws IOException {
        assertThatThrownBy(() -> config("Include config\nHost x\n"))
                .hasMessageContaining("Include nested deeper than");
    }

    @Test
    void tokensAndTildeAreExpandedInFileNames() throws IOException {
        SshConfigFile c = config("""
                Host box
                  HostName box.example.com
                  User bob
                  Port 2201
                  IdentityFile ~/.ssh/%h-%r-%p
                  IdentityFile %d/k/%u/%n%%
                  UserKnownHostsFile ~/.ssh/known_%h /tmp/kh2
                """);
        SshHostConfig h = c.resolve("box");
        assertThat(h.identityFiles()).containsExactly(
                home.resolve(".ssh/box.example.com-bob-2201"),
                home.resolve("k/alice/box%"));
        assertThat(h.userKnownHostsFiles()).containsExactly(home.resolve(".ssh/known_box.example.com"), Path.of("/tmp/kh2"));
    }

    @Test
    void matchBlocksAreSkipped() throws IOException {
        SshConfigFile c = config("""
                Match host web exec "true"
                  User matched
                Host web
                  User plain
                """);
        assertThat(c.resolve("web").user()).isEqualTo("plain");
    }

    @Test
    void defaultsApplyWhenNothingIsSet() throws IOException {
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/id_rsa"), "x");
        Files.writeString(home.resolve(".ssh/id_ed25519"), "x");
        SshHostConfig h = config("").resolve("plain.example.com");
        assertThat(h.user()).isEqualTo("alice");
        assertThat(h.port()).isEqualTo(22);
        assertThat(h.identityFiles()).containsExactly(home.resolve(".ssh/id_ed25519"), home.resolve(".ssh/id_rsa"));
        assertThat(h.userKnownHostsFiles()).containsExactly(home.resolve(".ssh/known_hosts"));
        assertThat(h.serverAliveInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(h.connectTimeout()).isEqualTo(Optional.empty());
        assertThat(h.source()).isNull();
        assertThat(h.knownHostsName()).isEqualTo("plain.example.com");
    }

    @Test
    void knownHostsNameUsesBracketsForNonDefaultPortsAndHonoursHostKeyAlias() throws IOException {
        SshConfigFile c = config("""
                Host a
                  HostName 127.0.0.1
                  Port 22022
                Host b
                  HostName 127.0.0.1
                  Port 22022
                  HostKeyAlias b-key
                """);
        assertThat(c.resolve("a").knownHostsName()).isEqualTo("[127.0.0.1]:22022");
        assertThat(c.resolve("b").knownHostsName()).isEqualTo("b-key");
    }

    @Test
    void listAliasesReturnsConcreteHostsOnlyWithResolvedValues() throws IOException {
        SshConfigFile c = config("""
                Host *
                  ConnectTimeout 7
                Host web db
                  User ops
                Host *.lan !x.lan
                Host cache
                  IdentitiesOnly yes
                  StrictHostKeyChecking yes
                """);
        assertThat(c.listAliases()).extracting(SshHostConfig::alias).containsExactly("web", "db", "cache");
        SshHostConfig cache = c.listAliases().get(2);
        assertThat(cache.identitiesOnly()).isTrue();
        assertThat(cache.strictHostKeyChecking()).isEqualTo(SshHostConfig.StrictHostKeyChecking.YES);
        assertThat(cache.connectTimeout()).contains(Duration.ofSeconds(7));
        assertThat(c.listAliases().get(0).source()).endsWith("config:3");
    }
}
