package io.turnout.app;

import java.nio.file.Path;
import java.util.List;

/** Wires the JavaFX console (filled in with the shell). */
final class GuiLauncher {
    private final AppServices services;
    private final Path sshConfig;

    GuiLauncher(AppServices services, Path sshConfig) {
        this.services = services;
        this.sshConfig = sshConfig;
    }

    int run(List<String> hosts) {
        throw new io.turnout.target.TargetException("The console is not wired yet.");
    }
}
