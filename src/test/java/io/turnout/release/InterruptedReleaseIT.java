package io.turnout.release;

import io.turnout.plan.PlanListener;
import io.turnout.plan.PlanResult;
import io.turnout.plan.RunOptions;
import io.turnout.stack.Color;
import io.turnout.testing.Poll;
import io.turnout.testing.Sandbox;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Releases that lose their console or their connection half way: a {@code turnout upgrade perform}
 * process killed with SIGKILL during the health gate (the next console sees "interrupted at step N"
 * and can resume or roll back), and the SSH session killed under a running release (it carries on
 * after the reconnect).
 */
class InterruptedReleaseIT {

    private static final String SLOW = "turnout-fixture/app:slow";

    /** Starts the real CLI in its own JVM, upgrading to the slow image (10 s health gate), and kills it inside the gate. */
    private static InterruptedRun killCliDuringTheGate(StackFixture f) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path target = Path.of("target");
        String cp = target.resolve("classes") + File.pathSeparator + target.resolve("lib") + File.separator + "*";
        Process cli = new ProcessBuilder(java, "-cp", cp, "io.turnout.app.Main", "--ssh-config", Sandbox.sshConfig().toString(),
                "upgrade", "perform", "--host", Sandbox.host(), "--stack", f.name, "--image", SLOW, "--auto-switch",
                "--timeout", "60", "--yes")
                .redirectErrorStream(true).redirectOutput(Files.createTempFile("turnout-cli", ".out").toFile()).start();
        try {
            // the raw journal: while the CLI lives, the operations rightly count its run as running
            var journals = new io.turnout.stack.StackRepository(io.turnout.connect.StackHosts.of(f.host).store(), f.name,
                    Clock.systemUTC());
            InterruptedRun inGate = Poll.until(Duration.ofSeconds(60), "the CLI's run to reach the health gate",
                    journals::interrupted, run -> run.filter(r -> r.lastStepId().startsWith("health-")).isPresent()).orElseThrow();
            assertThat(f.ops.interrupted()).as("a run whose process is alive is not interrupted").isEmpty();
            cli.destroyForcibly();
            assertThat(cli.waitFor(10, TimeUnit.SECONDS)).isTrue();
            return inGate;
        } finally {
            cli.destroyForcibly();
        }
    }

    @Test
    void aKilledConsolesReleaseIsShownAsInterruptedAndCanBeResumed() throws Exception {
        try (StackFixture f = new StackFixture().applied("haproxy")) {
            InterruptedRun seen = killCliDuringTheGate(f);
            InterruptedRun run = f.ops.interrupted().orElseThrow();
            assertThat(run.runId()).isEqualTo(seen.runId());
            assertThat(run.kind()).isEqualTo("upgrade");
            assertThat(run.sentence()).contains("interrupted at step 3 (health-web-green)");
            assertThat(f.ops.lock()).as("the dead run still holds the stack").isPresent();

            PlanResult resumed = f.ops.resume(run, RunOptions.simple("it"));
            assertThat(resumed.succeeded()).as(resumed.error()).isTrue();
            assertThat(f.servedVersion()).isEqualTo("slow");
            assertThat(f.ops.interrupted()).isEmpty();
            assertThat(f.ops.lock()).isEmpty();
        }
    }

    @Test
    void aKilledConsolesReleaseCanBeRolledBack() throws Exception {
        try (StackFixture f = new StackFixture().applied("haproxy")) {
            InterruptedRun run = killCliDuringTheGate(f);

            PlanResult rolledBack = f.ops.rollBack(f.ops.interrupted().orElseThrow(), RunOptions.simple("it"));
            assertThat(rolledBack.status()).as("a completed roll-back ends ABORTED: %s", rolledBack.error())
                    .isEqualTo(PlanResult.Status.ABORTED);
            StackStatus s = f.ops.status();
            assertThat(s.services().getFirst().active()).isEqualTo(Color.BLUE);
            assertThat(s.services().getFirst().colors()).doesNotContainKey(Color.GREEN);
            assertThat(s.lock()).isEmpty();
            assertThat(f.ops.interrupted()).as("run %s handled", run.runId()).isEmpty();
            assertThat(f.servedVersion()).isEqualTo("v1");
        }
    }

    @Test
    void theCliResumesAKilledConsolesRelease() throws Exception {
        try (StackFixture f = new StackFixture().applied("haproxy")) {
            killCliDuringTheGate(f);
            java.io.StringWriter out = new java.io.StringWriter();
            java.io.StringWriter err = new java.io.StringWriter();
            java.nio.file.Path home = Files.createTempDirectory("turnout-cli-home");
            int code = new io.turnout.cli.Cli(io.turnout.app.TestServices.in(home), new java.io.PrintWriter(out, true),
                    new java.io.PrintWriter(err, true)).run("--ssh-config", Sandbox.sshConfig().toString(), "upgrade", "resume",
                    "--host", Sandbox.host(), "--stack", f.name, "--yes");
            assertThat(code).as("%s%n%s", out, err).isZero();
            assertThat(out.toString()).contains("interrupted at step 3").contains("Resumed and finished");
            assertThat(f.servedVersion()).isEqualTo("slow");
        }
    }

    @Test
    void aReleaseCarriesOnWhenItsSshSessionIsKilledDuringTheGate() throws Exception {
        try (StackFixture f = new StackFixture().applied("haproxy")) {
            List<String> log = new CopyOnWriteArrayList<>();
            PlanListener killer = new PlanListener() {
                private boolean killed;

                @Override
                public void stepStarted(int index, io.turnout.plan.Step step) {
                    if (step.id().startsWith("health-") && !killed) {
                        killed = true;
                        Sandbox.killSshSessions();
                    }
                }

                @Override
                public void log(int index, String line) {
                    log.add(line);
                }
            };
            PlanResult r = f.ops.execute(f.ops.planUpgrade(new UpgradeRequest(null, SLOW, Duration.ofSeconds(60), null,
                    true, false, false)), RunOptions.simple("it").withListener(killer));
            assertThat(r.succeeded()).as("%s%n%s", r.error(), String.join("\n", log)).isTrue();
            assertThat(f.servedVersion()).isEqualTo("slow");
            assertThat(f.ops.history(1).getFirst().result()).isEqualTo("succeeded");
        }
    }
}
