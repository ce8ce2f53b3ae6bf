package io.turnout.router;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TarFilesTest {

    /** GNU tar on the build machine is the judge of the format. */
    @Test
    void gnuTarExtractsTheArchive() throws IOException, InterruptedException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("haproxy.cfg", "global\n".repeat(100).getBytes(StandardCharsets.UTF_8));
        files.put("empty.acl", new byte[0]);
        Path dir = Files.createTempDirectory("tar-test");
        Process tar = new ProcessBuilder("tar", "-x", "-C", dir.toString()).redirectErrorStream(true).start();
        tar.getOutputStream().write(TarFiles.of(files));
        tar.getOutputStream().close();
        String out = new String(new ByteArrayInputStream(tar.getInputStream().readAllBytes()).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tar.waitFor()).as(out).isZero();
        assertThat(Files.readString(dir.resolve("haproxy.cfg"))).isEqualTo("global\n".repeat(100));
        assertThat(Files.size(dir.resolve("empty.acl"))).isZero();
    }
}
