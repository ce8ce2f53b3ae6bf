package io.turnout.bench;

import com.github.dockerjava.api.DockerClient;
import io.turnout.docker.DockerClients;
import io.turnout.docker.EngineClients;
import io.turnout.target.TargetUri;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Docker event → visible row in the real console window, over SSH. Each round creates a
 * container through the host's local socket (out of band, like another operator) and measures
 * from the {@code create} event's own timestamp (dockerd's clock: the same machine) to the first
 * pulse on which the row is in the table. Run by scripts/bench-console.
 */
public final class EventLatencyBench {

    /** The {@code create} event's timestamp for {@code id}, in epoch micros, from dockerd itself. */
    private static long createEventMicros(DockerClient docker, String id, long sinceSeconds) throws Exception {
        java.util.concurrent.CompletableFuture<Long> nanos = new java.util.concurrent.CompletableFuture<>();
        docker.eventsCmd().withSince(String.valueOf(sinceSeconds)).withUntil(String.valueOf(Instant.now().getEpochSecond() + 1))
                .withContainerFilter(id).withEventFilter("create")
                .exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<com.github.dockerjava.api.model.Event>() {
                    @Override
                    public void onNext(com.github.dockerjava.api.model.Event e) {
                        nanos.complete(e.getTimeNano());
                    }
                });
        return nanos.get(10, TimeUnit.SECONDS) / 1_000;
    }

    public static void main(String[] args) throws Exception {
        Path sshConfig = Path.of(args[0]);
        String dockerHost = args[1];
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        try (EngineClients admin = DockerClients.withDefaults().forTarget(TargetUri.parse(dockerHost));
             BenchConsole console = new BenchConsole(sshConfig, "turnout-sandbox")) {
            DockerClient docker = admin.api();
            console.awaitRow(c -> true, 30_000); // connected and first snapshot rendered
            console.resetMaxGap();
            double[] ms = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                String name = "bench-event-" + i;
                var seen = console.watchRow(c -> c.row().name().equals(name));
                long since = Instant.now().getEpochSecond() - 1;
                String id = docker.createContainerCmd("turnout-fixture/app:v1").withName(name)
                        .withLabels(Map.of("io.turnout.bench", "event", "io.turnout.stack", "bench")).exec().getId();
                long visibleMicros = seen.get(10, TimeUnit.SECONDS)[1];
                ms[i] = (visibleMicros - createEventMicros(docker, id, since)) / 1e3;
                docker.removeContainerCmd(id).withForce(true).exec();
            }
            Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "docker create event → visible row (real window, over SSH), n=%d: p50 %.0f ms, p95 %.0f ms, max %.0f ms%n",
                    rounds, ms[rounds / 2], ms[(int) Math.ceil(rounds * 0.95) - 1], ms[rounds - 1]);
            System.out.printf(Locale.ROOT, "longest gap between UI pulses during the run: %.0f ms%n", console.maxGapMillis());
        }
    }
}
