package io.turnout.ui.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UiStateStoreTest {

    @TempDir
    Path dir;

    @Test
    void savedStateIsLoadedBack() {
        UiStateStore store = new UiStateStore(dir.resolve("turnout"));
        UiState state = UiState.DEFAULT.withGeometry(10, 20, 1400, 900, true).withTheme("dark").withLastSelection("c:abc");
        store.save(state);
        assertThat(new UiStateStore(dir.resolve("turnout")).load()).isEqualTo(state);
    }

    @Test
    void missingOrCorruptFileGivesDefaults() throws Exception {
        UiStateStore store = new UiStateStore(dir);
        assertThat(store.load()).isEqualTo(UiState.DEFAULT);
        Files.writeString(dir.resolve("ui-state.json"), "{not json");
        assertThat(store.load()).isEqualTo(UiState.DEFAULT);
    }

    @Test
    void configDirectoryFollowsTheOsConventions() {
        Path home = Path.of("/home/op");
        assertThat(UiStateStore.defaultDirectory(Map.of(), "Linux", home)).isEqualTo(Path.of("/home/op/.config/turnout"));
        assertThat(UiStateStore.defaultDirectory(Map.of("XDG_CONFIG_HOME", "/xdg"), "Linux", home)).isEqualTo(Path.of("/xdg/turnout"));
        assertThat(UiStateStore.defaultDirectory(Map.of("APPDATA", "/appdata"), "Windows 11", home)).isEqualTo(Path.of("/appdata/Turnout"));
        assertThat(UiStateStore.defaultDirectory(Map.of(), "Mac OS X", home))
                .isEqualTo(Path.of("/home/op/Library/Application Support/Turnout"));
    }
}
