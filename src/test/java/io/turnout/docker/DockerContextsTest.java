package io.turnout.docker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Builds ~/.docker exactly as the docker CLI lays it out (meta and tls dirs named sha256(name)). */
class DockerContextsTest {

    @TempDir
    Path home;

    @Test
    void contextIdIsSha256OfTheName() {
        // what `docker context create default`-style tools and docker-py compute for "default"
        assertThat(DockerContexts.contextId("default"))
                .isEqualTo("37a8eec1ce19687d132fe29051dca629d164e2c4958ba141d5f4133a33f0688f");
    }

    @Test
    void readsStoredContextsWithTlsDirAndCurrentFromConfig() throws IOException {
        context("prod", "production hosts", "ssh://deploy@prod-1", false, false);
        context("tls-box", "", "tcp://10.0.0.5:2376", false, true);
        context("insecure", "lab", "tcp://10.0.0.9:2376", true, false);
        Files.writeString(home.resolve("config.json"), "{\"auths\":{},\"currentContext\":\"prod\"}");

        var contexts = new DockerContexts(home, null).list();

        assertThat(contexts).extracting(DockerContext::name).containsExactly("insecure", "prod", "tls-box");
        DockerContext prod = contexts.get(1);
        assertThat(prod.description()).isEqualTo("production hosts");
        assertThat(prod.host()).isEqualTo("ssh://deploy@prod-1");
        assertThat(prod.current()).isTrue();
        assertThat(prod.tlsDir()).isNull();
        assertThat(prod.targetText()).isEqualTo("ssh://deploy@prod-1");
        DockerContext tls = contexts.get(2);
        Path tlsDir = home.resolve("contexts/tls/" + DockerContexts.contextId("tls-box") + "/docker");
        assertThat(tls.tlsDir()).isEqualTo(tlsDir);
        assertThat(tls.targetText()).isEqualTo("tcp://10.0.0.5:2376?tls=true&certs=" + tlsDir);
        assertThat(contexts.get(0).skipTlsVerify()).isTrue();
        assertThat(contexts.get(0).current()).isFalse();
    }

    @Test
    void dockerContextEnvironmentWinsOverConfigJson() throws IOException {
        context("a", "", "unix:///var/run/docker.sock", false, false);
        Files.writeString(home.resolve("config.json"), "{\"currentContext\":\"b\"}");
        assertThat(new DockerContexts(home, "a").currentName()).isEqualTo("a");
        assertThat(new DockerContexts(home, null).currentName()).isEqualTo("b");
    }

    @Test
    void missingStoreAndBrokenFilesAreNotFatal() throws IOException {
        assertThat(new DockerContexts(home, null).list()).isEmpty();
        assertThat(new DockerContexts(home, null).currentName()).isEqualTo("default");
        Path broken = home.resolve("contexts/meta/" + DockerContexts.contextId("x"));
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("meta.json"), "{not json");
        context("ok", "", "tcp://h:2375", false, false);
        assertThat(new DockerContexts(home, null).list()).extracting(DockerContext::name).containsExactly("ok");
    }

    private void context(String name, String description, String host, boolean skipTls, boolean withTls) throws IOException {
        String id = DockerContexts.contextId(name);
        Path meta = home.resolve("contexts/meta/" + id);
        Files.createDirectories(meta);
        Files.writeString(meta.resolve("meta.json"), """
                {"Name":"%s","Metadata":{"Description":"%s"},"Endpoints":{"docker":{"Host":"%s","SkipTLSVerify":%s}}}"""
                .formatted(name, description, host, skipTls));
        if (withTls) {
            Path tls = home.resolve("contexts/tls/" + id + "/docker");
            Files.createDirectories(tls);
            for (String f : new String[] {"ca.pem", "cert.pem", "key.pem"}) {
                Files.writeString(tls.resolve(f), "-----BEGIN-----\n");
            }
        }
    }
}
