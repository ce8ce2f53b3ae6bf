package io.turnout.cli;

import io.turnout.release.StackStatus;
import io.turnout.release.UpgradeRequest;
import io.turnout.stack.Color;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;

@Command(name = "upgrade", description = "Blue-green upgrades: perform, status, switch, rollback, cleanup.",
        subcommands = {UpgradeCommand.Perform.class, UpgradeCommand.Status.class, UpgradeCommand.Switch.class,
                UpgradeCommand.Rollback.class, UpgradeCommand.Cleanup.class, UpgradeCommand.Resume.class})
final class UpgradeCommand {

    @ParentCommand
    TurnoutCommand root;

    /** Options of the mutating verbs. */
    static final class Mutating {
        @Option(names = {"-y", "--yes"}, description = "Run without asking (CI: required, there is no terminal to ask on).")
        boolean yes;

        @Option(names = "--service", paramLabel = "NAME", description = "The routed service (default: the stack's only one).")
        String service;
    }

    @Command(name = "perform", description = "Start the new image as the standby color, gate on health, and with --auto-switch move traffic to it.")
    static final class Perform implements java.util.concurrent.Callable<Integer> {
        @ParentCommand UpgradeCommand parent;
        @Spec CommandSpec spec;
        @Mixin StackTarget target;
        @Mixin Mutating m;

        @Option(names = "--image", required = true, paramLabel = "IMAGE", description = "The new image, present on the host.")
        String image;
        @Option(names = "--auto-switch", negatable = true, description = "Switch traffic once the gate passes (env AUTO_SWITCH).")
        Boolean autoSwitch;
        @Option(names = "--auto-cleanup", negatable = true, description = "Remove the old color after a verified switch (env AUTO_CLEANUP).")
        Boolean autoCleanup;
        @Option(names = "--timeout", paramLabel = "SECONDS", description = "Health gate timeout (env HEALTH_CHECK_TIMEOUT; default: the service's).")
        Long timeout;
        @Option(names = "--interval", paramLabel = "SECONDS", description = "Health probe interval (env HEALTH_CHECK_INTERVAL).")
        Long interval;
        @Option(names = "--skip-health", description = "Skip the health gate (dangerous).")
        boolean skipHealth;

        @Override
        public Integer call() {
            Map<String, String> env = parent.root.services().environment();
            Duration t = timeout != null ? positive("--timeout", timeout) : EnvDefaults.seconds(env, "HEALTH_CHECK_TIMEOUT").orElse(null);
            Duration i = interval != null ? positive("--interval", interval) : EnvDefaults.seconds(env, "HEALTH_CHECK_INTERVAL").orElse(null);
            boolean sw = autoSwitch != null ? autoSwitch : EnvDefaults.flag(env, "AUTO_SWITCH");
            boolean cl = autoCleanup != null ? autoCleanup : EnvDefaults.flag(env, "AUTO_CLEANUP");
            try (StackSession s = StackSession.open(parent.root, target.host, target.stack)) {
                var plan = s.ops().planUpgrade(new UpgradeRequest(m.service, image, t, i, sw, cl, skipHealth));
                int code = new PlanRunner(out(spec), m.yes).run(s.ops(), plan);
                if (!sw) {
                    out(spec).println("The new color is ready behind the preview frontend. Switch with: turnout upgrade switch "
                            + plan.params().get("to") + " --host " + target.host + " --stack " + target.stack);
                }
                return code;
            }
        }
    }

    @Command(name = "status", description = "Active and standby colors, containers, router, lock and recent deployments.")
    static final class Status implements java.util.concurrent.Callable<Integer> {
        @ParentCommand UpgradeCommand parent;
        @Spec CommandSpec spec;
        @Mixin StackTarget target;
        @Option(names = "--json", description = "Print JSON.") boolean json;

        @Override
        public Integer call() {
            StackStatus status;
            try (StackSession s = StackSession.open(parent.root, target.host, target.stack)) {
                status = s.ops().status();
            }
            if (json) {
                Json.print(out(spec), StatusJson.of(status));
            } else {
                StatusText.print(out(spec), status);
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "switch", description = "Move all traffic of a service to a color (shows the router change first).")
    static final class Switch implements java.util.concurrent.Callable<Integer> {
        @ParentCommand UpgradeCommand parent;
        @Spec CommandSpec spec;
        @Mixin StackTarget target;
        @Mixin Mutating m;
        @Parameters(paramLabel = "blue|green") String color;

        @Override
        public Integer call() {
            Color to = Color.parse(color);
            try (StackSession s = StackSession.open(parent.root, target.host, target.stack)) {
                return new PlanRunner(out(spec), m.yes).run(s.ops(), s.ops().planSwitch(m.service, to));
            }
        }
    }

    @Command(name = "rollback", description = "Back to the previous color: instantly while it runs, else recreated from its snapshot.")
    static final class Rollback implements java.util.concurrent.Callable<Integer> {
        @ParentCommand UpgradeCommand parent;
        @Spec CommandSpec spec;
        @Mixin StackTarget target;
        @Mixin Mutating m;

        @Override
        public Integer call() {
            try (StackSession s = StackSession.open(parent.root, target.host, target.stack)) {
                return new PlanRunner(out(spec), m.yes).run(s.ops(), s.ops().planRollback(m.service));
            }
        }
    }

    @Command(name = "cleanup", description = "Remove a standby color (its snapshot stays for rollback).")
    static final class Cleanup implements java.util.concurrent.Callable<Integer> {
        @ParentCommand UpgradeCommand parent;
        @Spec CommandSpec spec;
        @Mixin StackTarget target;
        @Mixin Mutating m;
        @Parameters(paramLabel = "blue|green") String color;

        @Override
        public Integer call() {
            Color c = Color.parse(color);
            try (StackSession s = StackSession.open(parent.root, target.host, target.stack)) {
                return new PlanRunner(out(spec), m.yes).run(s.ops(), s.ops().planCleanup(m.service, c));
            }
        }
    }

    @Command(name = "resume", description = "Finish a release whose console died half way, or with --rollback undo what it did.")
    static final class Resume implements java.util.concurrent.Callable<Integer> {
        @ParentCommand UpgradeCommand parent;
        @Spec CommandSpec spec;
        @Mixin StackTarget target;
        @Option(names = {"-y", "--yes"}, description = "Run without asking.") boolean yes;
        @Option(names = "--rollback", description = "Compensate the interrupted run's steps in reverse instead of finishing it.")
        boolean rollback;

        @Override
        public Integer call() {
            try (StackSession s = StackSession.open(parent.root, target.host, target.stack)) {
                var run = s.ops().interrupted().orElseThrow(() -> new IllegalArgumentException(
                        "No interrupted release on " + target.stack + " (a run whose console still lives is not interrupted)."));
                PrintWriter out = out(spec);
                out.println(run.sentence() + (rollback ? " Rolling it back." : " Resuming it."));
                PlanRunner runner = new PlanRunner(out, yes);
                runner.confirmText((rollback ? "Roll back " : "Resume ") + run.runId());
                var options = io.turnout.plan.RunOptions.simple("cli").withListener(runner.printer());
                var result = rollback ? s.ops().rollBack(run, options) : s.ops().resume(run, options);
                // a completed roll-back ends ABORTED (everything compensated); FAILED means an undo failed
                boolean ok = rollback ? result.status() == io.turnout.plan.PlanResult.Status.ABORTED : result.succeeded();
                if (!ok) {
                    throw new PlanRunner.PlanFailedException(result);
                }
                out.println(rollback ? "Rolled back: everything the run applied was undone." : "Resumed and finished (" + result.runId() + ").");
                return ExitCode.OK;
            }
        }
    }

    static PrintWriter out(CommandSpec spec) {
        return spec.commandLine().getOut();
    }

    private static Duration positive(String flag, long seconds) {
        if (seconds <= 0) {
            throw new IllegalArgumentException(flag + " must be a positive number of seconds.");
        }
        return Duration.ofSeconds(seconds);
    }
}
