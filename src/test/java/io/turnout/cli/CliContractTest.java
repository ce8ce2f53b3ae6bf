package io.turnout.cli;

import io.turnout.connect.HostCatalog;
import io.turnout.connect.HostConnector;
import io.turnout.profile.ConnectionProfile;
import io.turnout.target.TargetException;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Exit codes and error shape of the CLI, which scripts depend on. No host is contacted here. */
class CliContractTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(CliServices services, String... args) {
        return new Cli(services, new PrintWriter(out, true), new PrintWriter(err, true)).run(args);
    }

    @Test
    void unknownOptionIsAUsageErrorWithExitCode2() {
        int code = run(neverCalled(), "ps", "--host", "local", "--bogus");
        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("Unknown option: '--bogus'").contains("turnout ps --help");
    }

    @Test
    void psWithoutHostIsAUsageError() {
        assertThat(run(neverCalled(), "ps")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--host");
    }

    @Test
    void versionPrintsTheProjectVersion() {
        assertThat(run(neverCalled(), "--version")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).startsWith("turnout ").doesNotContain("unknown");
    }

    @Test
    void helpListsEveryVerbThoughAnInvocationBuildsOnlyItsOwn() {
        assertThat(run(neverCalled(), "--help")).isEqualTo(ExitCode.OK);
        assertThat(Verbs.names()).hasSize(11).allSatisfy(verb -> assertThat(out.toString()).containsPattern("(?m)^\\s+" + verb + "\\s"));
    }

    @Test
    void aMistypedVerbGetsPicocliSuggestionsFromTheWholeTree() {
        assertThat(run(neverCalled(), "pss", "--host", "local")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("'pss'").containsPattern("Did you mean: .*ps");
    }

    @Test
    void unreachableHostIsOneSentenceOnStderrAndExitCode1() {
        CliServices failing = services(spec -> {
            throw new TargetException("Cannot reach 127.0.0.1:1: connection refused.");
        });
        assertThat(run(failing, "ps", "--host", "ssh://127.0.0.1:1")).isEqualTo(ExitCode.FAILED);
        assertThat(err.toString()).isEqualTo("turnout: Cannot reach 127.0.0.1:1: connection refused." + System.lineSeparator());
    }

    @Test
    void badHostTextIsExitCode2() {
        CliServices rejecting = services(spec -> {
            throw new IllegalArgumentException("'ftp://x' uses an unsupported scheme; use unix://, ssh:// or tcp://.");
        });
        assertThat(run(rejecting, "ps", "--host", "ftp://x")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).doesNotContain("Exception").contains("unsupported scheme");
    }

    @Test
    void stackTraceOnlyWithDebug() {
        CliServices failing = services(spec -> {
            throw new TargetException("boom.");
        });
        run(failing, "ps", "--host", "x");
        assertThat(err.toString()).doesNotContain("\tat ");
        run(failing, "--debug", "ps", "--host", "x");
        assertThat(err.toString()).contains("\tat ");
    }

    @Test
    void hostsJsonListsEveryProfileField() {
        CliServices s = new CliServices() {
            @Override public HostCatalog catalog(Path sshConfig) {
                return () -> List.of(new ConnectionProfile("prod", "ssh://prod", "10.1.2.3", "deploy", 2222,
                        List.of("~/.ssh/id_ed25519"), "bastion", "ssh-config:/home/x/.ssh/config:4"));
            }
            @Override public HostConnector connector(Path sshConfig, io.turnout.ssh.HostKeyPrompt k, io.turnout.ssh.SecretPrompt p) { return fail("not used"); }
            @Override public int openGui(Path sshConfig, List<String> hosts) { return fail("not used"); }
            @Override public DemoTarget prepareDemo(Path sshConfig) { return fail("not used"); }
        };
        assertThat(run(s, "hosts", "--json")).isZero();
        assertThat(out.toString()).contains("\"name\" : \"prod\"", "\"hostName\" : \"10.1.2.3\"", "\"user\" : \"deploy\"",
                "\"port\" : 2222", "\"proxyJump\" : \"bastion\"", "\"source\" : \"ssh-config:/home/x/.ssh/config:4\"");
    }

    private static CliServices services(HostConnector connector) {
        return new CliServices() {
            @Override public HostCatalog catalog(Path sshConfig) { return List::of; }
            @Override public HostConnector connector(Path sshConfig, io.turnout.ssh.HostKeyPrompt k, io.turnout.ssh.SecretPrompt p) { return connector; }
            @Override public int openGui(Path sshConfig, List<String> hosts) { return fail("not used"); }
            @Override public DemoTarget prepareDemo(Path sshConfig) { return fail("not used"); }
        };
    }

    private static CliServices neverCalled() {
        return services(spec -> fail("no host should be contacted"));
    }
}
