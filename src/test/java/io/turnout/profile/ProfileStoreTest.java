package io.turnout.profile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileStoreTest {

    @TempDir
    Path dir;

    @Test
    void savedProfilesSurviveANewStoreAndReplaceByName() {
        new ProfileStore(dir).save(ConnectionProfile.saved("prod", "ssh://deploy@prod-1"));
        new ProfileStore(dir).save(ConnectionProfile.saved("prod", "ssh://deploy@prod-2"));
        new ProfileStore(dir).save(ConnectionProfile.saved("edge", "tcp://edge:2376?tls=true"));

        var loaded = new ProfileStore(dir).load();
        assertThat(loaded).extracting(ConnectionProfile::name).containsExactly("edge", "prod");
        assertThat(loaded).filteredOn(p -> p.name().equals("prod")).singleElement()
                .extracting(ConnectionProfile::uri).isEqualTo("ssh://deploy@prod-2");
    }

    @Test
    void removeDeletesOnlyTheNamedProfileAndLeavesNoTempFiles() throws Exception {
        ProfileStore store = new ProfileStore(dir);
        store.save(ConnectionProfile.saved("a", "local"));
        store.save(ConnectionProfile.saved("b", "local"));
        assertThat(store.remove("a")).isTrue();
        assertThat(store.remove("missing")).isFalse();
        assertThat(store.load()).extracting(ConnectionProfile::name).containsExactly("b");
        try (var files = Files.list(dir)) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("profiles.json");
        }
    }
}
