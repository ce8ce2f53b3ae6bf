package io.turnout.app;

import io.turnout.cli.Cli;
import io.turnout.testing.Sandbox;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * One `turnout` invocation as an operator on this workstation makes it against the sandbox host:
 * configuration under {@code home}, the sandbox's ssh_config, {@code env} as the environment,
 * stdout and stderr captured into {@code out} and {@code err} (emptied first).
 */
final class SandboxCli {

    private SandboxCli() {
    }

    static int run(Path home, Map<String, String> env, StringWriter out, StringWriter err, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        AppServices services = new AppServices(AppDirs.of("Linux", Map.of("TURNOUT_CONFIG_DIR", home.resolve("cfg").toString()), home),
                env, home);
        String[] all = new String[args.length + 2];
        all[0] = "--ssh-config";
        all[1] = Sandbox.sshConfig().toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return new Cli(services, new PrintWriter(out, true), new PrintWriter(err, true)).run(all);
    }
}
