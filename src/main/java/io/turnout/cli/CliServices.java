package io.turnout.cli;

import io.turnout.connect.HostCatalog;
import io.turnout.connect.HostConnector;
import io.turnout.ssh.HostKeyPrompt;
import io.turnout.ssh.SecretPrompt;

import java.nio.file.Path;
import java.util.List;

/**
 * What the CLI needs from the composition root. The CLI parses and prints; the engine does the
 * work. Keeping this an interface lets the CLI's own tests run against real engines they build.
 */
public interface CliServices {

    /** @param sshConfig an explicit ssh_config (like {@code ssh -F}), or null for ~/.ssh/config */
    HostCatalog catalog(Path sshConfig);

    /** A connector whose SSH sessions ask these prompts (terminal ones in the CLI, dialogs in the GUI). */
    HostConnector connector(Path sshConfig, HostKeyPrompt hostKeys, SecretPrompt secrets);

    /** Opens the desktop console and returns when its window closes. */
    int openGui(Path sshConfig, List<String> hosts);

    /** Creates (or refreshes) the demo stack and returns where it runs. */
    DemoTarget prepareDemo(Path sshConfig);

    /** Where AUTO_SWITCH, HEALTH_CHECK_TIMEOUT and friends come from; tests pass their own. */
    default java.util.Map<String, String> environment() {
        return System.getenv();
    }

    /** The demo's host spec and the ssh_config that resolves it (null for the user's own). */
    record DemoTarget(String host, Path sshConfig) { }
}
