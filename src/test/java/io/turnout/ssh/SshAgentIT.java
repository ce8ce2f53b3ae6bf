package io.turnout.ssh;

import io.turnout.testing.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ssh-agent authentication against the sandbox sshd: a real {@code ssh-agent} on a private
 * socket, keys loaded with the real {@code ssh-add}, and an ssh_config without any IdentityFile
 * (and a home without ~/.ssh keys), so the agent is the only source of keys.
 */
class SshAgentIT {

    private static final String ALIAS = "agent-target";

    @TempDir
    Path tmp;

    private Process agent;
    private Path agentSocket;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<String> passphrasePrompts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startAgent() throws Exception {
        agentSocket = tmp.resolve("agent.sock");
        agent = new ProcessBuilder("ssh-agent", "-D", "-a", agentSocket.toString())
                .redirectErrorStream(true).start();
        // with -D the agent prints "SSH_AUTH_SOCK=...; export SSH_AUTH_SOCK;" once it listens
        BufferedReader lines = new BufferedReader(new InputStreamReader(agent.getInputStream(), StandardCharsets.UTF_8));
        String first = CompletableFuture.supplyAsync(() -> {
            try {
                return lines.readLine();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).get(10, TimeUnit.SECONDS);
        assertThat(first).as("ssh-agent announces its socket").startsWith("SSH_AUTH_SOCK=" + agentSocket);
        assertThat(agentSocket).exists();
    }

    @AfterEach
    void stopAgent() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
        if (agent != null) {
            agent.destroy();
            if (!agent.waitFor(5, TimeUnit.SECONDS)) {
                agent.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** An ssh_config for the sandbox sshd with no IdentityFile at all; {@code identitiesOnly} as given. */
    private SshConfigFile configFile(boolean identitiesOnly) throws IOException {
        Path cfg = tmp.resolve("ssh_config");
        Files.writeString(cfg, String.join("\n",
                "Host " + ALIAS,
                "  HostName 127.0.0.1",
                "  Port " + Sandbox.sshPort(),
                "  User " + Sandbox.sshUser(),
                "  IdentitiesOnly " + (identitiesOnly ? "yes" : "no"),
                "  UserKnownHostsFile " + Sandbox.knownHosts(),
                "  StrictHostKeyChecking yes",
                ""));
        Path home = Files.createDirectories(tmp.resolve("home")); // no ~/.ssh/id_* to fall back on
        return new SshConfigFile(List.of(cfg), home, Sandbox.sshUser());
    }

    private SshConnection connect(SshConfigFile file) {
        SecretPrompt recording = key -> {
            passphrasePrompts.add(key);
            return Optional.empty();
        };
        SshOptions opts = SshOptions.defaults(file, HostKeyPrompt.rejecting(), recording)
                .withConnectTimeout(Duration.ofSeconds(10))
                .withAgentSocket(Optional.of(agentSocket));
        SshConnection c = SshConnection.open(file.resolve(ALIAS), opts);
        open.add(c);
        return c;
    }

    /** {@code ssh-add KEY} against our agent; an encrypted key gets its passphrase from an SSH_ASKPASS script. */
    private void sshAdd(Path key, String passphrase) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("ssh-add", key.toString()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> env = pb.environment();
        env.put("SSH_AUTH_SOCK", agentSocket.toString());
        if (passphrase != null) {
            Path askpass = tmp.resolve("askpass.sh");
            Files.writeString(askpass, "#!/bin/sh\nprintf '%s\\n' '" + passphrase + "'\n");
            Files.setPosixFilePermissions(askpass, PosixFilePermissions.fromString("rwx------"));
            env.put("SSH_ASKPASS", askpass.toString());
            env.put("SSH_ASKPASS_REQUIRE", "force");
            env.putIfAbsent("DISPLAY", ":0");
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(15, TimeUnit.SECONDS)).as("ssh-add finished").isTrue();
        assertThat(p.exitValue()).as("ssh-add " + key + ": " + out).isZero();
    }

    private List<String> agentKeys() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("ssh-add", "-l").redirectErrorStream(true);
        pb.environment().put("SSH_AUTH_SOCK", agentSocket.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return out.lines().filter(l -> !l.contains("no identities")).toList();
    }

    @Test
    void anUnencryptedKeyInTheAgentLogsIn() throws Exception {
        sshAdd(Sandbox.sshKey(), null);
        assertThat(agentKeys()).hasSize(1);

        SshConnection c = connect(configFile(false));
        ExecResult r = c.exec("id -un", Duration.ofSeconds(10));
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout().strip()).isEqualTo("turnout");
    }

    @Test
    void anEncryptedKeyUnlockedInTheAgentLogsInWithoutTurnoutSeeingThePassphrase() throws Exception {
        sshAdd(Sandbox.sshKeyEncrypted(), Sandbox.sshKeyPassphrase());
        assertThat(agentKeys()).singleElement().asString().contains("turnout-sandbox-client-encrypted");

        SshConnection c = connect(configFile(false));
        assertThat(c.exec("id -un", Duration.ofSeconds(10)).stdout().strip()).isEqualTo("turnout");
        assertThat(passphrasePrompts).as("Turnout never asked for a passphrase").isEmpty();
    }

    @Test
    void anEmptyAgentIsPermissionDeniedSayingTheAgentHoldsNoKeys() throws Exception {
        assertThat(agentKeys()).isEmpty();
        SshConfigFile file = configFile(false);
        String label = file.resolve(ALIAS).label();
        assertThatThrownBy(() -> connect(file))
                .isInstanceOf(SshAuthException.class)
                .hasMessage("Permission denied for " + label + " (tried keys: ssh-agent " + agentSocket + " (holds no keys)).");
    }

    @Test
    void identitiesOnlyYesIgnoresTheAgent() throws Exception {
        sshAdd(Sandbox.sshKey(), null);
        SshConfigFile file = configFile(true);
        String label = file.resolve(ALIAS).label();
        assertThatThrownBy(() -> connect(file))
                .isInstanceOf(SshAuthException.class)
                .hasMessage("Permission denied for " + label + " (tried keys: no keys found).");
    }
}
