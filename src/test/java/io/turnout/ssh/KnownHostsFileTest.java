package io.turnout.ssh;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class KnownHostsFileTest {

    @TempDir
    Path dir;

    private String pub(String name) throws IOException {
        Path key = KeyTool.generate(dir, name, "ed25519");
        String[] f = Files.readString(Path.of(key + ".pub")).split("\\s+");
        return f[0] + " " + f[1];
    }

    @Test
    void plainEntriesMatchHostAndBracketedPortForms() throws IOException {
        String a = pub("a");
        String b = pub("b");
        Path kh = dir.resolve("known_hosts");
        Files.writeString(kh, "# comment\nexample.com,10.0.0.1 " + a + "\n[127.0.0.1]:22022 " + b + "\n");
        KnownHostsFile f = KnownHostsFile.read(kh);

        assertThat(f.matching("example.com")).hasSize(1);
        assertThat(f.matching("10.0.0.1")).hasSize(1);
        assertThat(f.matching("EXAMPLE.com")).hasSize(1);
        assertThat(f.matching("[127.0.0.1]:22022")).singleElement().extracting(KnownHostsFile.Entry::line).isEqualTo(3);
        assertThat(f.matching("127.0.0.1")).isEmpty();
        assertThat(f.matching("[example.com]:2222")).isEmpty();
    }

    @Test
    void hashedEntriesWrittenBySshKeygenMatch() throws IOException {
        String a = pub("h");
        Path kh = dir.resolve("known_hosts");
        Files.writeString(kh, "[127.0.0.1]:22022 " + a + "\nexample.org " + a + "\n");
        KeyTool.run("ssh-keygen", "-H", "-f", kh.toString());
        assertThat(Files.readString(kh)).startsWith("|1|").doesNotContain("example.org");

        KnownHostsFile f = KnownHostsFile.read(kh);
        assertThat(f.matching("[127.0.0.1]:22022")).hasSize(1);
        assertThat(f.matching("example.org")).hasSize(1);
        assertThat(f.matching("example.net")).isEmpty();
    }

    @Test
    void wildcardAndNegatedPatternsAreHonoured() throws IOException {
        String a = pub("w");
        Path kh = dir.resolve("known_hosts");
        Files.writeString(kh, "*.lan,!evil.lan " + a + "\n");
        KnownHostsFile f = KnownHostsFile.read(kh);
        assertThat(f.matching("db.lan")).hasSize(1);
        assertThat(f.matching("evil.lan")).isEmpty();
    }

    @Test
    void revokedMarkerIsRecordedAndCertAuthorityLinesIgnored() throws IOException {
        String a = pub("r");
        Path kh = dir.resolve("known_hosts");
        Files.writeString(kh, "@revoked * " + a + "\n@cert-authority *.lan " + a + "\ngarbage\n");
        KnownHostsFile f = KnownHostsFile.read(kh);
        assertThat(f.entries()).singleElement().satisfies(e -> assertThat(e.revoked()).isTrue());
    }

    @Test
    void missingFileIsEmpty() {
        assertThat(KnownHostsFile.read(dir.resolve("nope")).entries()).isEmpty();
    }

    @Test
    void lineHasTheSshKeyscanFormat() throws IOException {
        String[] a = pub("l").split(" ");
        byte[] blob = java.util.Base64.getDecoder().decode(a[1]);
        assertThat(KnownHostsFile.line("[h]:2", blob)).isEqualTo("[h]:2 ssh-ed25519 " + a[1]);
    }
}
