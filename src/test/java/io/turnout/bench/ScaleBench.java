package io.turnout.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import io.turnout.docker.ContainerFeed;
import io.turnout.docker.DockerClients;
import io.turnout.docker.EngineClients;
import io.turnout.target.TargetUri;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * 1,000 containers on the sandbox host: listing over SSH, the live feed's full resync, the console
 * rendering them, UI pulse gaps while containers churn, and the console JVM's heap and RSS.
 * Containers are created, not started (1,000 running shims would need ~10 GB here); listing and
 * the feed treat both the same way (`--all`). Run by scripts/bench-console.
 */
public final class ScaleBench {

    public static void main(String[] args) throws Exception {
        Path sshConfig = Path.of(args[0]);
        String dockerHost = args[1];
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        try (EngineClients admin = DockerClients.withDefaults().forTarget(TargetUri.parse(dockerHost))) {
            DockerClient docker = admin.api();
            removeAll(docker);
            long c0 = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
                List<Future<?>> creates = new java.util.ArrayList<>();
                for (int i = 0; i < n; i++) {
                    int k = i;
                    creates.add(pool.submit(() -> docker.createContainerCmd("turnout-fixture/app:v1")
                            .withName(String.format("scale-%04d", k))
                            .withLabels(Map.of("io.turnout.bench", "scale", "io.turnout.stack", "scale-" + (k % 20),
                                    "io.turnout.service", "svc-" + (k % 5)))
                            .exec()));
                }
                for (Future<?> f : creates) {
                    f.get();
                }
            }
            System.out.printf(Locale.ROOT, "created %d containers in %.1f s%n", n, (System.nanoTime() - c0) / 1e9);
            try (BenchConsole console = new BenchConsole(sshConfig, "turnout-sandbox")) {
                long r0 = System.nanoTime();
                console.resetMaxGap();
                console.awaitRow(c -> c.row().name().equals(String.format("scale-%04d", n - 1)), 120_000);
                console.awaitPulses(2); // the pulse that saw the rows lays them out after its animation phase
                System.out.printf(Locale.ROOT, "console: connect + full resync + first render of %d rows: %.0f ms (rows in table: %d)%n",
                        n, (System.nanoTime() - r0) / 1e6, console.rowCount());
                System.out.printf(Locale.ROOT, "first render window: pulse gaps max %.0f ms, p99 %.0f ms (%d pulses)%n",
                        console.maxGapMillis(), console.gapQuantileMillis(0.99), console.pulseCount());
                console.resetMaxGap();
                Thread.sleep(3000); // a fixed observation window: pulse gaps while nothing changes (a measurement, not a wait)
                System.out.printf(Locale.ROOT, "settle (3 s after first render, live feed idle): pulse gaps max %.0f ms, p99 %.0f ms%n",
                        console.maxGapMillis(), console.gapQuantileMillis(0.99));

                double[] ms = new double[10];
                for (int i = 0; i < ms.length; i++) {
                    long s = System.nanoTime();
                    int size = console.host().list(true).size();
                    ms[i] = (System.nanoTime() - s) / 1e6;
                    if (size < n) {
                        throw new IllegalStateException("listed only " + size);
                    }
                }
                Arrays.sort(ms);
                System.out.printf(Locale.ROOT, "list --all over SSH (%d+ containers), n=10: p50 %.0f ms, max %.0f ms%n", n, ms[5], ms[9]);

                if (console.host().containers() instanceof ContainerFeed) {
                    System.out.println("(feed is the engine ContainerFeed)");
                }
                console.resetMaxGap();
                List<Container> some = docker.listContainersCmd().withShowAll(true)
                        .withLabelFilter(Map.of("io.turnout.bench", "scale")).exec().subList(0, 50);
                console.startInputProbe(50);
                long churn0 = System.nanoTime();
                for (Container c : some) {
                    docker.startContainerCmd(c.getId()).exec();
                }
                for (Container c : some) {
                    docker.stopContainerCmd(c.getId()).withTimeout(1).exec();
                }
                System.out.printf(Locale.ROOT, "churn: 50 starts + 50 stops in %.1f s; longest gap between UI pulses: %.0f ms, p99 %.0f ms, p50 %.0f ms (%d pulses)%n",
                        (System.nanoTime() - churn0) / 1e9, console.maxGapMillis(), console.gapQuantileMillis(0.99),
                        console.gapQuantileMillis(0.5), console.pulseCount());
                System.out.printf(Locale.ROOT, "churn: pulse intervals over 100 ms: %d, over 50 ms: %d%n",
                        console.gapsOver(100), console.gapsOver(50));
                console.stopInputProbe();
                System.out.println("churn " + console.inputProbeSummary());
                Runtime rt = Runtime.getRuntime();
                System.gc();
                System.out.printf(Locale.ROOT, "console JVM with %d rows: heap used %.0f MB, RSS %s%n",
                        n, (rt.totalMemory() - rt.freeMemory()) / 1e6, rss());
            } finally {
                removeAll(docker);
            }
        }
    }

    private static String rss() throws Exception {
        for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return line.substring(6).strip();
            }
        }
        return "?";
    }

    private static void removeAll(DockerClient docker) throws Exception {
        List<Container> all = docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of("io.turnout.bench", "scale")).exec();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Container c : all) {
                pool.submit(() -> docker.removeContainerCmd(c.getId()).withForce(true).exec());
            }
        }
    }
}
