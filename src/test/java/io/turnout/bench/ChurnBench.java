package io.turnout.bench;

import io.turnout.docker.ContainerRow;
import io.turnout.docker.ContainerSnapshot;
import io.turnout.docker.Health;
import io.turnout.ui.fixtures.FixtureDockerHost;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The console's side of {@link ScaleBench} without Docker: the real window and views, fed by a
 * fixture host (FIXTURE, not an engine) that publishes the snapshots a 1,000-container host would
 * while 50 containers start and 50 stop. It isolates the UI cost from dockerd's own load on this
 * 2-core machine and runs in seconds, so UI changes can be compared run to run.
 * Usage: ChurnBench [CONTAINERS] [MILLIS_BETWEEN_CHANGES]
 */
public final class ChurnBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        long every = args.length > 1 ? Long.parseLong(args[1]) : 100;
        List<ContainerRow> rows = new ArrayList<>();
        Instant created = Instant.now();
        for (int k = 0; k < n; k++) {
            rows.add(new ContainerRow(String.format("%064x", k), String.format("scale-%04d", k), "turnout-fixture/app:v1",
                    "created", Health.NONE, "scale-" + (k % 20), "svc-" + (k % 5), null, List.of(), 0, created, null, "Created"));
        }
        long[] seq = {1};
        FixtureDockerHost host = new FixtureDockerHost("ssh://bench@churn", snapshot(seq[0]++, rows));
        try (BenchConsole console = new BenchConsole(host)) {
            console.resetMaxGap();
            console.awaitRow(c -> c.row().name().equals(String.format("scale-%04d", n - 1)), 60_000);
            console.awaitPulses(2); // the pulse that saw the rows lays them out after its animation phase
            System.out.println("row heights: " + console.rowHeights());
            System.out.printf(Locale.ROOT, "first render of %d rows: pulse gaps max %.0f ms (%d pulses)%n",
                    n, console.maxGapMillis(), console.pulseCount());
            console.resetMaxGap();
            Thread.sleep(2000); // a fixed observation window: pulse gaps while nothing changes (a measurement, not a wait)
            System.out.printf(Locale.ROOT, "idle 2 s: pulse gaps max %.0f ms, p99 %.0f ms (%d pulses)%n",
                    console.maxGapMillis(), console.gapQuantileMillis(0.99), console.pulseCount());
            console.resetMaxGap();
            console.startInputProbe(50);
            long t0 = System.nanoTime();
            // Docker lists newest first, so ScaleBench starts and stops the last 50 created.
            for (int phase = 0; phase < 2; phase++) {
                for (int k = n - 1; k >= n - 50; k--) {
                    ContainerRow r = rows.get(k);
                    rows.set(k, phase == 0
                            ? new ContainerRow(r.id(), r.name(), r.image(), "running", Health.NONE, r.stack(), r.service(), null,
                                    List.of(), 0, r.created(), Instant.now(), "Up Less than a second")
                            : new ContainerRow(r.id(), r.name(), r.image(), "exited", Health.NONE, r.stack(), r.service(), null,
                                    List.of(), 0, r.created(), r.startedAt(), "Exited (137) Less than a second ago"));
                    host.publish(snapshot(seq[0]++, rows));
                    Thread.sleep(every); // the pace of Docker events (a fixed schedule, not a wait for a condition)
                }
            }
            console.stopInputProbe();
            System.out.printf(Locale.ROOT, "churn: 100 changes in %.1f s; pulse gaps max %.0f ms, p99 %.0f ms, p95 %.0f ms, p50 %.0f ms (%d pulses)%n",
                    (System.nanoTime() - t0) / 1e9, console.maxGapMillis(), console.gapQuantileMillis(0.99),
                    console.gapQuantileMillis(0.95), console.gapQuantileMillis(0.5), console.pulseCount());
            System.out.printf(Locale.ROOT, "churn: pulse intervals over 100 ms: %d, over 50 ms: %d%n",
                    console.gapsOver(100), console.gapsOver(50));
            System.out.println("churn " + console.inputProbeSummary());
        }
    }

    private static ContainerSnapshot snapshot(long seq, List<ContainerRow> rows) {
        Instant now = Instant.now();
        return new ContainerSnapshot(seq, now, now, List.copyOf(rows));
    }
}
