package io.turnout.cli;

import io.turnout.connect.HostCatalog;
import io.turnout.connect.HostConnector;

import java.nio.file.Path;
import java.util.List;

/**
 * What the CLI needs from the composition root. The CLI parses and prints; the engine does the
 * work. Keeping this an interface lets the CLI's own tests run against real engines they build.
 */
public interface CliServices {

    /** @param sshConfig an explicit ssh_config (like {@code ssh -F}), or null for ~/.ssh/config */
    HostCatalog catalog(Path sshConfig);

    /** @param interactive whether prompts (host key, passphrase) may ask on the terminal */
    HostConnector connector(Path sshConfig, boolean interactive);

    /** Opens the desktop console and returns when its window closes. */
    int openGui(Path sshConfig, List<String> hosts);

    /** Creates (or refreshes) the demo stack and returns the host it runs on. */
    String prepareDemo(Path sshConfig);
}
