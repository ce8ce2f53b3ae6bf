package io.turnout.app;

import java.nio.file.Path;
import java.util.Map;

/** The real composition root for tests in other packages, with its config dir and home under {@code home}. */
public final class TestServices {

    private TestServices() {
    }

    public static io.turnout.cli.CliServices in(Path home) {
        return new AppServices(AppDirs.of("Linux", Map.of("TURNOUT_CONFIG_DIR", home.resolve("cfg").toString()), home), Map.of(), home);
    }
}
