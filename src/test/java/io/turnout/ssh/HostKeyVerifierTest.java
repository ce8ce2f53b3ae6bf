package io.turnout.ssh;

import com.jcraft.jsch.HostKeyRepository;
import io.turnout.ssh.SshHostConfig.StrictHostKeyChecking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HostKeyVerifierTest {

    private static final String HOST = "[127.0.0.1]:22022";

    @TempDir
    Path dir;

    private byte[] blob(String name) throws IOException {
        Path key = KeyTool.generate(dir, name, "ed25519");
        return Base64.getDecoder().decode(Files.readString(Path.of(key + ".pub")).split("\\s+")[1]);
    }

    @Test
    void knownKeyIsAcceptedWithoutPrompt() throws IOException {
        byte[] key = blob("k");
        Path kh = dir.resolve("known_hosts");
        Files.writeString(kh, KnownHostsFile.line(HOST, key) + "\n");
        var v = new HostKeyVerifier(HOST, List.of(kh), StrictHostKeyChecking.ASK, k -> { throw new AssertionError("prompted"); });
        assertThat(v.check("ignored", key)).isEqualTo(HostKeyRepository.OK);
    }

    @Test
    void changedKeyIsRefusedWithBothFingerprintsAndTheLineToFix() throws IOException {
        byte[] old = blob("old");
        byte[] now = blob("new");
        Path kh = dir.resolve("known_hosts");
        Files.writeString(kh, "# header\n" + KnownHostsFile.line(HOST, old) + "\n");
        var v = new HostKeyVerifier(HOST, List.of(kh), StrictHostKeyChecking.NO, k -> { throw new AssertionError("prompted"); });

        assertThat(v.check(HOST, now)).isEqualTo(HostKeyRepository.CHANGED);
        assertThat(v.failure()).get().isInstanceOf(HostKeyChangedException.class);
        assertThat(v.failure().get().getMessage())
                .contains(HOST, Fingerprints.sha256(old), Fingerprints.sha256(now), kh + ":2");
    }

    @Test
    void unknownKeyPromptCarriesTheSshKeygenFingerprintAndTrustAlwaysAppendsA0600File() throws IOException {
        byte[] key = blob("u");
        Path kh = dir.resolve("sub/known_hosts");
        List<UnknownHostKey> asked = new ArrayList<>();
        var v = new HostKeyVerifier(HOST, List.of(kh), StrictHostKeyChecking.ASK, k -> {
            asked.add(k);
            return HostKeyDecision.TRUST_ALWAYS;
        });

        assertThat(v.check(HOST, key)).isEqualTo(HostKeyRepository.OK);
        assertThat(asked).singleElement().satisfies(k -> {
            assertThat(k.host()).isEqualTo(HOST);
            assertThat(k.keyType()).isEqualTo("ssh-ed25519");
            assertThat(k.fingerprint()).isEqualTo(KeyTool.fingerprintOf(dir.resolve("u.pub")));
        });
        assertThat(Files.readString(kh)).isEqualTo(KnownHostsFile.line(HOST, key) + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kh))).isEqualTo("rw-------");
        assertThat(KeyTool.fingerprintOf(kh)).isEqualTo(asked.getFirst().fingerprint());
        // the second check finds it in the file, no prompt
        var again = new HostKeyVerifier(HOST, List.of(kh), StrictHostKeyChecking.ASK, k -> { throw new AssertionError("prompted"); });
        assertThat(again.check(HOST, key)).isEqualTo(HostKeyRepository.OK);
    }

    @Test
    void trustOnceWritesNothingButIsRememberedForReconnects() throws IOException {
        byte[] key = blob("o");
        Path kh = dir.resolve("known_hosts");
        int[] prompts = {0};
        var v = new HostKeyVerifier(HOST, List.of(kh), StrictHostKeyChecking.ASK, k -> {
            prompts[0]++;
            return HostKeyDecision.TRUST_ONCE;
        });
        assertThat(v.check(HOST, key)).isEqualTo(HostKeyRepository.OK);
        assertThat(v.check(HOST, key)).isEqualTo(HostKeyRepository.OK);
        assertThat(prompts[0]).isEqualTo(1);
        assertThat(kh).doesNotExist();
    }

    @Test
    void rejectedOrStrictUnknownKeyFailsWithTheLineToAdd() throws IOException {
        byte[] key = blob("x");
        Path kh = dir.resolve("known_hosts");
        var rejecting = new HostKeyVerifier(HOST, List.of(kh), StrictHostKeyChecking.ASK, HostKeyPrompt.rejecting());
        assertThat(rejecting.check(HOST, key)).isEqualTo(HostKeyRepository.NOT_INCLUDED);
        assertThat(rejecting.failure().get().getMessage())
                .contains("not known", Fingerprints.sha256(key), KnownHostsFile.line(HOST, key), kh.toString());

        var strict = new HostKeyVerifier(HOST, List.of(kh), StrictHostKeyChecking.YES, k -> { throw new AssertionError("prompted"); });
        assertThat(strict.check(HOST, key)).isEqualTo(HostKeyRepository.NOT_INCLUDED);
    }

    @Test
    void revokedKeyIsRefusedEvenIfAlsoListedAsKnown() throws IOException {
        byte[] key = blob("rv");
        Path kh = dir.resolve("known_hosts");
        Files.writeString(kh, KnownHostsFile.line(HOST, key) + "\n@revoked " + KnownHostsFile.line("*", key) + "\n");
        var v = new HostKeyVerifier(HOST, List.of(kh), StrictHostKeyChecking.ASK, k -> { throw new AssertionError("prompted"); });
        assertThat(v.check(HOST, key)).isEqualTo(HostKeyRepository.CHANGED);
        assertThat(v.failure().get().getMessage()).contains("@revoked", kh + ":2");
    }
}
