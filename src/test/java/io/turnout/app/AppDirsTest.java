package io.turnout.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AppDirsTest {

    private final Path home = Path.of("/home/ops");

    @Test
    void linuxFollowsXdgAndFallsBackToDotConfig() {
        assertThat(AppDirs.of("Linux", Map.of(), home).config()).isEqualTo(Path.of("/home/ops/.config/turnout"));
        assertThat(AppDirs.of("Linux", Map.of("XDG_CONFIG_HOME", "/xdg"), home).config()).isEqualTo(Path.of("/xdg/turnout"));
        assertThat(AppDirs.of("Linux", Map.of("XDG_CONFIG_HOME", "relative"), home).config())
                .as("a relative XDG path is invalid per the spec and ignored")
                .isEqualTo(Path.of("/home/ops/.config/turnout"));
    }

    @Test
    void windowsAndMacUseTheirOwnPlaces() {
        assertThat(AppDirs.of("Windows 11", Map.of("APPDATA", "C:/Users/ops/AppData/Roaming"), home).config())
                .isEqualTo(Path.of("C:/Users/ops/AppData/Roaming/Turnout"));
        assertThat(AppDirs.of("Mac OS X", Map.of(), home).config())
                .isEqualTo(Path.of("/home/ops/Library/Application Support/Turnout"));
    }

    @Test
    void explicitOverrideWins() {
        assertThat(AppDirs.of("Linux", Map.of("TURNOUT_CONFIG_DIR", "/tmp/t"), home).config()).isEqualTo(Path.of("/tmp/t"));
    }
}
