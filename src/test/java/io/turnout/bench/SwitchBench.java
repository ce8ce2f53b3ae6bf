package io.turnout.bench;

import io.turnout.connect.DefaultHostConnector;
import io.turnout.connect.StackHosts;
import io.turnout.docker.DockerHost;
import io.turnout.docker.DockerHostFactory;
import io.turnout.plan.Plan;
import io.turnout.plan.PlanListener;
import io.turnout.plan.PlanResult;
import io.turnout.plan.RunOptions;
import io.turnout.plan.Step;
import io.turnout.plan.StepStatus;
import io.turnout.probe.ProbeReport;
import io.turnout.profile.ProfileStore;
import io.turnout.release.DockerStackOperations;
import io.turnout.release.UpgradeRequest;
import io.turnout.ssh.HostKeyPrompt;
import io.turnout.ssh.SecretPrompt;
import io.turnout.ssh.SshConfigFile;
import io.turnout.ssh.SshOptions;
import io.turnout.stack.Color;
import io.turnout.stack.StackSpecs;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * scripts/bench-switch: for HAProxy and nginx side by side, a fixed-rate hey load through the public
 * port while Turnout upgrades, rolls back and switches the stack over and over; prints the load's
 * totals, and per switch the probe's p99 before/during and the switch duration (health gate passed →
 * router switched). Traffic goes only to 127.0.0.1. Bounded: each router gets LOAD seconds.
 *
 * <p>Arguments: --ssh-config FILE --host ALIAS [--seconds N] [--rate R] (requests/s of the load).
 */
public final class SwitchBench {

    public static void main(String[] args) throws Exception {
        Path sshConfig = Path.of(arg(args, "--ssh-config", null));
        String host = arg(args, "--host", "turnout-sandbox");
        int seconds = Integer.parseInt(arg(args, "--seconds", "60"));
        int rate = Integer.parseInt(arg(args, "--rate", "1000"));
        List<String> table = new ArrayList<>();
        table.add("| router | load | requests | non-2xx | socket errors | switches | probe failed | p99 before (ms) | p99 during (ms) | switch duration median (ms) |");
        table.add("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String router : List.of("haproxy", "nginx")) {
            for (boolean keepAlive : List.of(true, false)) {
                table.add(run(sshConfig, host, router, seconds, rate, keepAlive));
            }
        }
        System.out.println();
        table.forEach(System.out::println);
    }

    private static String run(Path sshConfig, String host, String router, int seconds, int rate, boolean keepAlive) throws Exception {
        SshConfigFile cfg = SshConfigFile.explicit(sshConfig);
        Path profiles = Files.createTempDirectory("bench-profiles");
        try (DockerHost docker = new DefaultHostConnector(DockerHostFactory.withDefaults(), cfg,
                SshOptions.defaults(cfg, HostKeyPrompt.rejecting(), SecretPrompt.none()), new ProfileStore(profiles)).open(host)) {
            String stack = "bench" + router;
            int port = freePort();
            DockerStackOperations ops = new DockerStackOperations(StackHosts.of(docker), stack, Clock.systemUTC(), 5);
            must(ops.execute(ops.planApply(StackSpecs.parse("""
                    name: %s
                    router: { kind: %s, publicPort: %d, publicBind: 127.0.0.1, drainTimeout: 5s }
                    services:
                      web:
                        image: turnout-fixture/app:v1
                        port: 8080
                        health: { path: /health, interval: 500ms, timeout: 30s }
                    """.formatted(stack, router, port))), RunOptions.simple("bench")));
            int workers = 8;
            List<String> cmd = new ArrayList<>(List.of("hey", "-z", seconds + "s", "-c", Integer.toString(workers),
                    "-q", Integer.toString(Math.max(1, rate / workers)), "-t", "5"));
            if (!keepAlive) {
                cmd.add("-disable-keepalive");
            }
            cmd.add("http://127.0.0.1:" + port + "/");
            Path out = Files.createTempFile("bench-hey", ".out");
            Process hey = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            List<ProbeReport> probes = new ArrayList<>();
            List<Long> switchMillis = new ArrayList<>();
            int switches = 0;
            boolean upgraded = false;
            while (hey.isAlive()) {
                Plan plan = !upgraded ? ops.planUpgrade(new UpgradeRequest(null, "turnout-fixture/app:v2", null, null, true, false, false))
                        : ops.status().services().getFirst().active() == Color.GREEN ? ops.planRollback(null) : ops.planSwitch(null, Color.GREEN);
                upgraded = true;
                Timing timing = new Timing();
                PlanResult r = ops.execute(plan, RunOptions.simple("bench").withListener(timing));
                must(r);
                switches++;
                ops.history(1).stream().findFirst().map(h -> h.probe()).ifPresent(probes::add);
                if (timing.switchedAt > 0 && timing.readyAt > 0) {
                    switchMillis.add(TimeUnit.NANOSECONDS.toMillis(timing.switchedAt - timing.readyAt));
                }
            }
            hey.waitFor();
            String text = Files.readString(out);
            long[] totals = heyTotals(text);
            ops.execute(ops.planRemove(), RunOptions.simple("bench"));
            long probeFailed = probes.stream().mapToLong(ProbeReport::failed).sum();
            double p99Before = probes.stream().mapToDouble(p -> p.before().p99()).max().orElse(0);
            double p99During = probes.stream().mapToDouble(p -> p.during().p99()).max().orElse(0);
            switchMillis.sort(null);
            long median = switchMillis.isEmpty() ? -1 : switchMillis.get(switchMillis.size() / 2);
            String row = String.format(Locale.ROOT, "| %s | hey %s, %d req/s, %d s | %,d | %d | %d | %d | %d | %.1f | %.1f | %d |", router,
                    keepAlive ? "keep-alive" : "no keep-alive", rate, seconds, totals[0], totals[1], totals[2], switches, probeFailed,
                    p99Before, p99During, median);
            System.out.println(row);
            return row;
        }
    }

    /** Marks when the standby passed its gate (or, for a plain switch, was found ready) and when the router switched. */
    private static final class Timing implements PlanListener {
        volatile long readyAt;
        volatile long switchedAt;

        @Override
        public void stepStarted(int index, Step step) {
            if (step.id().startsWith("switch-") && readyAt == 0) {
                readyAt = System.nanoTime();
            }
        }

        @Override
        public void stepFinished(int index, Step step, StepStatus status, Duration took, String error) {
            if (step.id().startsWith("health-")) {
                readyAt = System.nanoTime();
            }
        }

        @Override
        public void log(int index, String line) {
            if (line.startsWith("Router: all new") && switchedAt == 0) {
                switchedAt = System.nanoTime();
            }
        }
    }

    private static long[] heyTotals(String text) {
        long requests = 0;
        long non2xx = 0;
        long errors = 0;
        Matcher status = Pattern.compile("\\[(\\d{3})]\\s+(\\d+) responses").matcher(text);
        while (status.find()) {
            long n = Long.parseLong(status.group(2));
            requests += n;
            non2xx += status.group(1).startsWith("2") ? 0 : n;
        }
        int e = text.indexOf("Error distribution");
        if (e >= 0) {
            Matcher err = Pattern.compile("\\[(\\d+)]\\s+\\S").matcher(text.substring(e));
            while (err.find()) {
                errors += Long.parseLong(err.group(1));
            }
        }
        return new long[] {requests + errors, non2xx, errors};
    }

    private static void must(PlanResult r) {
        if (!r.succeeded()) {
            throw new IllegalStateException(r.error());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String arg(String[] args, String name, String dflt) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        if (dflt == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return dflt;
    }
}
