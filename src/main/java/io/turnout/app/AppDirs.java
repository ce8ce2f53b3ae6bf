package io.turnout.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The OS user directories Turnout writes to: preferences and connection profiles (config) and
 * disposable caches. Stack state never lives here; it lives on the target (DESIGN.md).
 */
public record AppDirs(Path config, Path cache) {

    public static AppDirs forCurrentUser() {
        return of(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** Pure, for tests: resolves the directories for an OS name, environment and home. */
    public static AppDirs of(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        String override = env.get("TURNOUT_CONFIG_DIR");
        if (override != null && !override.isBlank()) {
            Path base = Path.of(override);
            return new AppDirs(base, base.resolve("cache"));
        }
        if (os.contains("win")) {
            Path roaming = Path.of(env.getOrDefault("APPDATA", home.resolve("AppData/Roaming").toString()));
            Path local = Path.of(env.getOrDefault("LOCALAPPDATA", home.resolve("AppData/Local").toString()));
            return new AppDirs(roaming.resolve("Turnout"), local.resolve("Turnout/Cache"));
        }
        if (os.contains("mac")) {
            return new AppDirs(home.resolve("Library/Application Support/Turnout"), home.resolve("Library/Caches/Turnout"));
        }
        Path config = xdg(env, "XDG_CONFIG_HOME", home.resolve(".config"));
        Path cache = xdg(env, "XDG_CACHE_HOME", home.resolve(".cache"));
        return new AppDirs(config.resolve("turnout"), cache.resolve("turnout"));
    }

    private static Path xdg(Map<String, String> env, String name, Path fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() || !Path.of(v).isAbsolute() ? fallback : Path.of(v);
    }
}
