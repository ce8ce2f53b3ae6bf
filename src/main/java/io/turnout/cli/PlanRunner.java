package io.turnout.cli;

import io.turnout.plan.ExecutionControl;
import io.turnout.plan.Gate;
import io.turnout.plan.Plan;
import io.turnout.plan.PlanListener;
import io.turnout.plan.PlanResult;
import io.turnout.plan.RunOptions;
import io.turnout.plan.Step;
import io.turnout.plan.StepStatus;
import io.turnout.probe.ProbeReport;
import io.turnout.release.StackOperations;

import java.io.Console;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * How every mutating verb runs a plan: print it, ask on a terminal (or take {@code --yes}; without a
 * terminal and without --yes it refuses instead of hanging), execute it printing each step, and end
 * with one sentence and an exit code.
 */
final class PlanRunner {

    private final PrintWriter out;
    private final boolean yes;
    /** The switch probe's last report of the run, from the executor's thread; printed as the run's proof. */
    private volatile ProbeReport probe;

    PlanRunner(PrintWriter out, boolean yes) {
        this.out = out;
        this.yes = yes;
    }

    int run(StackOperations ops, Plan plan) {
        preview(plan);
        confirm(plan);
        PlanResult result = ops.execute(plan, RunOptions.simple("cli").withGate(Gate.AUTO).withListener(printer(plan.steps().size()))
                .withControl(new ExecutionControl()));
        return finish(plan, result);
    }

    /** For plans that run outside a stack (a bare database): {@code execute} runs it with the given options. */
    int run(java.util.function.Function<RunOptions, PlanResult> execute, Plan plan) {
        preview(plan);
        confirm(plan);
        PlanResult result = execute.apply(RunOptions.simple(plan.params().getOrDefault("runId", "cli")).withGate(Gate.AUTO)
                .withListener(printer(plan.steps().size())).withControl(new ExecutionControl()));
        return finish(plan, result);
    }

    void preview(Plan plan) {
        out.println("Plan: " + plan.title());
        int i = 1;
        for (Step s : plan.steps()) {
            out.println(String.format(Locale.ROOT, "  %d. %s%s%s", i++, s.dangerous() ? "[changes traffic] " : "",
                    s.pointOfNoReturn() ? "[no undo] " : "", s.title()));
            for (String d : s.details()) {
                out.println("       " + d);
            }
        }
        out.flush();
    }

    void confirm(Plan plan) {
        confirmText(plan.title());
    }

    void confirmText(String what) {
        if (yes) {
            return;
        }
        Console console = Terminal.interactive() ? System.console() : null;
        if (console == null) {
            throw new IllegalArgumentException("Refusing to run '" + what + "' without confirmation: there is no"
                    + " terminal to ask on. Pass --yes to run it.");
        }
        String answer = console.readLine("Run this plan? [y/N] ");
        if (answer == null || !answer.trim().toLowerCase(Locale.ROOT).startsWith("y")) {
            throw new IllegalArgumentException("Cancelled: nothing was changed.");
        }
    }

    /** Prints step starts, logs and ends, numbered without a total (for runs whose plan the engine rebuilds). */
    PlanListener printer() {
        return printer(0);
    }

    private PlanListener printer(int total) {
        return new PlanListener() {
            @Override
            public void stepStarted(int index, Step step) {
                out.println(String.format(Locale.ROOT, "[%s] %s", counter(index, total), step.title()));
                out.flush();
            }

            @Override
            public void log(int index, String line) {
                out.println("      " + line);
                out.flush();
            }

            @Override
            public void detail(int index, Object detail) {
                if (detail instanceof ProbeReport r) {
                    probe = r;
                }
            }

            @Override
            public void stepFinished(int index, Step step, StepStatus status, Duration took, String error) {
                out.println(String.format(Locale.ROOT, "[%s] %s in %.1f s%s", counter(index, total),
                        status.name().toLowerCase(Locale.ROOT).replace('_', ' '), took.toMillis() / 1000.0,
                        error == null ? "" : ": " + error));
                out.flush();
            }
        };
    }

    private static String counter(int index, int total) {
        return total > 0 ? (index + 1) + "/" + total : Integer.toString(index + 1);
    }

    private int finish(Plan plan, PlanResult result) {
        if (probe != null) {
            out.println("Probe: " + probe.summary());
        }
        switch (result.status()) {
            case SUCCEEDED -> out.println("Done: " + plan.title() + " (" + result.runId() + ").");
            case STOPPED -> out.println("Stopped before step " + (result.failedStep() + 1) + "; nothing after it ran.");
            default -> {
                out.flush();
                throw new PlanFailedException(result, plan.kind());
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    /** A plan that failed or was aborted: the CLI prints its one sentence and exits 1. */
    static final class PlanFailedException extends RuntimeException {
        PlanFailedException(PlanResult r) {
            this(r, "upgrade");
        }

        /** Database plans (migrate, restore, baseline, repair) have no release status to point to. */
        PlanFailedException(PlanResult r, String kind) {
            super(r.status() == PlanResult.Status.REFUSED ? r.error()
                    : (r.status() == PlanResult.Status.ABORTED ? "Aborted" : "Failed") + " at step " + (r.failedStep() + 1) + ": "
                    + r.error() + (r.status() != PlanResult.Status.FAILED ? ""
                    : java.util.Set.of("migrate", "restore", "baseline", "repair").contains(kind) ? ""
                    : " Compensated; see 'turnout upgrade status'."));
        }
    }
}
