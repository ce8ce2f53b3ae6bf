package io.turnout.bench;

import com.github.dockerjava.api.DockerClient;
import io.turnout.docker.DockerClients;
import io.turnout.docker.EngineClients;
import io.turnout.target.TargetUri;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Docker event → visible row in the real console window, over SSH. Each round creates and starts
 * a container through the host's local socket (out of band, like another operator) and measures
 * from just before the create call until the FX thread sees the row — a conservative figure that
 * includes Docker's own create time. Run by scripts/bench-console.
 */
public final class EventLatencyBench {

    public static void main(String[] args) throws Exception {
        Path sshConfig = Path.of(args[0]);
        String dockerHost = args[1];
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        try (EngineClients admin = DockerClients.withDefaults().forTarget(TargetUri.parse(dockerHost));
             BenchConsole console = new BenchConsole(sshConfig, "turnout-sandbox")) {
            DockerClient docker = admin.api();
            console.awaitRow(c -> true, 30_000); // connected and first snapshot rendered
            double[] ms = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                String name = "bench-event-" + i;
                long t0 = System.nanoTime();
                String id = docker.createContainerCmd("turnout-fixture/app:v1").withName(name)
                        .withLabels(Map.of("io.turnout.bench", "event", "io.turnout.stack", "bench")).exec().getId();
                docker.startContainerCmd(id).exec();
                long seen = console.awaitRow(c -> c.row().name().equals(name), 10_000);
                ms[i] = (seen - t0) / 1e6;
                docker.removeContainerCmd(id).withForce(true).exec();
            }
            Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "event → visible row (real window, over SSH), n=%d: p50 %.0f ms, p95 %.0f ms, max %.0f ms%n",
                    rounds, ms[rounds / 2], ms[(int) Math.ceil(rounds * 0.95) - 1], ms[rounds - 1]);
            System.out.printf(Locale.ROOT, "longest gap between UI pulses during the run: %.0f ms%n", console.maxGapMillis());
        }
    }
}
