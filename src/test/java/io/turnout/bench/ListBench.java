package io.turnout.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import io.turnout.docker.ContainerMapper;
import io.turnout.docker.DockerClients;
import io.turnout.docker.EngineClients;
import io.turnout.docker.SecretMasker;
import io.turnout.target.TargetUri;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Lists containers N times against an engine and prints p50/p95 per call, plus the cost of a full
 * resync (list + inspect every container on a small pool, as the live feed does). No JMH: this is
 * about network/engine latency, not JIT-level effects. Usage:
 * {@code ListBench [DOCKER_HOST-style uri] [iterations] [inspect threads]}; defaults
 * {@code $DOCKER_HOST}, 200, 4.
 */
public final class ListBench {

    private ListBench() {
    }

    public static void main(String[] args) throws Exception {
        String uri = args.length > 0 ? args[0] : System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        ContainerMapper mapper = new ContainerMapper(new SecretMasker());
        try (EngineClients clients = DockerClients.withDefaults().forTarget(TargetUri.parse(uri));
             ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            DockerClient api = clients.api();
            for (int i = 0; i < Math.min(20, n); i++) { // warm-up: connections, JIT
                api.listContainersCmd().withShowAll(true).exec();
            }
            long[] list = new long[n];
            int count = 0;
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                List<Container> all = api.listContainersCmd().withShowAll(true).exec();
                all.forEach(mapper::fromList);
                list[i] = System.nanoTime() - t0;
                count = all.size();
            }
            int rounds = Math.max(1, n / 10);
            long[] resync = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                List<Future<?>> inspects = api.listContainersCmd().withShowAll(true).exec().stream()
                        .<Future<?>>map(c -> pool.submit(() -> mapper.fromInspect(api.inspectContainerCmd(c.getId()).exec())))
                        .toList();
                for (Future<?> f : inspects) {
                    f.get();
                }
                resync[i] = System.nanoTime() - t0;
            }
            System.out.printf("engine %s, %d containers%n", uri, count);
            System.out.printf("list    n=%d  p50 %.2f ms  p95 %.2f ms  max %.2f ms%n", n, p(list, 50), p(list, 95), p(list, 100));
            System.out.printf("resync  n=%d  p50 %.2f ms  p95 %.2f ms  (list + inspect all, %d threads)%n",
                    rounds, p(resync, 50), p(resync, 95), threads);
        }
    }

    private static double p(long[] nanos, int pct) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        int idx = Math.min(s.length - 1, (int) Math.ceil(pct / 100.0 * s.length) - 1);
        return s[Math.max(0, idx)] / 1e6;
    }
}
