package io.turnout.ssh;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class FingerprintsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "ecdsa", "rsa"})
    void sha256MatchesSshKeygenOutput(String type) throws IOException {
        Path key = KeyTool.generate(dir, "k-" + type, type);
        String pub = Files.readString(Path.of(key + ".pub")).split("\\s+")[1];

        assertThat(Fingerprints.sha256(pub)).isEqualTo(KeyTool.fingerprintOf(Path.of(key + ".pub")));
        assertThat(Fingerprints.sha256(pub)).startsWith("SHA256:").doesNotEndWith("=");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "ecdsa", "rsa"})
    void keyTypeIsReadFromTheBlob(String type) throws IOException {
        Path key = KeyTool.generate(dir, "t-" + type, type);
        String[] pub = Files.readString(Path.of(key + ".pub")).split("\\s+");
        assertThat(Fingerprints.keyType(Base64.getDecoder().decode(pub[1]))).isEqualTo(pub[0]);
    }
}
