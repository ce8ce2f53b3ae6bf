package io.turnout.app;

import io.turnout.cli.CliServices;
import io.turnout.connect.StackHosts;
import io.turnout.connect.HostConnector;
import io.turnout.demo.DemoStack;
import io.turnout.docker.DockerHost;
import io.turnout.ssh.HostKeyPrompt;
import io.turnout.ssh.SecretPrompt;
import io.turnout.target.TargetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Picks where the demo runs — the local Docker engine when it is reachable and has the fixture
 * images, else the sandbox host over SSH — and makes sure the demo stack runs there.
 */
final class DemoSetup {

    static final String SANDBOX_ALIAS = "turnout-sandbox";
    private static final Path SANDBOX_SSH_CONFIG = Path.of("/var/lib/turnout-sandbox/ssh/ssh_config");
    private static final Logger LOG = LoggerFactory.getLogger(DemoSetup.class);

    private final AppServices services;
    private final Map<String, String> env;

    DemoSetup(AppServices services, Map<String, String> env) {
        this.services = services;
        this.env = env;
    }

    /** @return the host the console should open: "local", or the sandbox's ssh alias with its ssh_config */
    CliServices.DemoTarget prepare(Path sshConfig) {
        // Prompts refuse: the demo must never trust a host key on the operator's behalf.
        HostConnector connector = services.connector(sshConfig, HostKeyPrompt.rejecting(), SecretPrompt.none());
        if (Files.exists(services.localSocket())) {
            try (DockerHost local = connector.open("local")) {
                new DemoStack(StackHosts.of(local)).ensureRunning();
                return new CliServices.DemoTarget("local", sshConfig);
            } catch (RuntimeException e) {
                LOG.info("demo: local engine not usable ({}); trying the sandbox", e.getMessage());
            }
        }
        Path sandboxConfig = sandboxSshConfig(sshConfig).orElseThrow(() -> new TargetException(
                "No usable Docker engine: start the sandbox with 'scripts/sandbox up' (or start Docker locally)."));
        HostConnector viaSandbox = services.connector(sandboxConfig, HostKeyPrompt.rejecting(), SecretPrompt.none());
        try (DockerHost sandbox = viaSandbox.open(SANDBOX_ALIAS)) {
            new DemoStack(StackHosts.of(sandbox)).ensureRunning();
        }
        return new CliServices.DemoTarget(SANDBOX_ALIAS, sandboxConfig);
    }

    private Optional<Path> sandboxSshConfig(Path explicit) {
        if (explicit != null) {
            return Optional.of(explicit);
        }
        return Optional.ofNullable(env.get("TURNOUT_SANDBOX_SSH_CONFIG")).map(Path::of).filter(Files::isReadable)
                .or(() -> Optional.of(SANDBOX_SSH_CONFIG).filter(Files::isReadable));
    }
}
