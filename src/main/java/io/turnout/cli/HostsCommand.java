package io.turnout.cli;

import io.turnout.profile.ConnectionProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "hosts", description = "List known hosts: saved profiles, ssh-config aliases, Docker contexts, the local engine.")
final class HostsCommand implements Callable<Integer> {

    @ParentCommand
    TurnoutCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        List<ConnectionProfile> all = root.services().catalog(root.sshConfig()).all();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, all);
            return ExitCode.OK;
        }
        TextTable t = new TextTable("NAME", "HOSTNAME", "USER", "PORT", "IDENTITY FILES", "PROXY JUMP", "SOURCE");
        for (ConnectionProfile p : all) {
            t.add(p.name(), p.hostName(), p.user(), p.port() > 0 ? p.port() : null,
                    p.identityFiles().isEmpty() ? null : String.join(",", p.identityFiles()), p.proxyJump(), p.source());
        }
        t.print(out);
        return ExitCode.OK;
    }
}
