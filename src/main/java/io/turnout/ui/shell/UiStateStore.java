package io.turnout.ui.shell;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;

/** Reads and writes {@link UiState} as {@code ui-state.json} in a directory given by the composition root. */
public final class UiStateStore {

    private static final Logger LOG = LoggerFactory.getLogger(UiStateStore.class);
    private static final String FILE = "ui-state.json";

    private final Path directory;
    private final ObjectMapper json = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public UiStateStore(Path directory) {
        this.directory = directory;
    }

    /** The OS's per-user config directory for Turnout (XDG on Linux, %APPDATA% on Windows, Application Support on macOS). */
    public static Path defaultDirectory(Map<String, String> env, String osName, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData").resolve("Roaming")).resolve("Turnout");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Turnout");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config")).resolve("turnout");
    }

    /** The saved state, or {@link UiState#DEFAULT} when there is none or it cannot be read. */
    public UiState load() {
        Path file = directory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return UiState.DEFAULT;
        }
        try {
            UiState s = json.readValue(file.toFile(), UiState.class);
            return s.width() >= 400 && s.height() >= 300 && s.theme() != null ? s : UiState.DEFAULT;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring unreadable window state {}: {}", file, e.getMessage());
            return UiState.DEFAULT;
        }
    }

    /** Writes atomically (temp file + move) so a crash cannot leave half a file. Failures are logged, not thrown. */
    public void save(UiState state) {
        try {
            Files.createDirectories(directory);
            Path tmp = Files.createTempFile(directory, FILE, ".tmp");
            json.writeValue(tmp.toFile(), state);
            Files.move(tmp, directory.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not save window state to {}: {}", directory, e.getMessage());
        }
    }
}
