package io.turnout.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The feed's blocking Docker calls, run on a small bounded pool so the feed thread never waits:
 * inspect one container, or list everything and inspect it all concurrently (a resync).
 */
final class ContainerInspector implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerInspector.class);

    private final DockerClient api;
    private final ContainerMapper mapper;
    private final int threads;
    private final String name;
    private final ExecutorService pool;

    ContainerInspector(DockerClient api, ContainerMapper mapper, int threads, String name) {
        this.api = api;
        this.mapper = mapper;
        this.threads = threads;
        this.name = name;
        this.pool = Executors.newFixedThreadPool(threads,
                Thread.ofPlatform().daemon().name("turnout-inspect-" + name + "-", 0).factory());
    }

    /** The container's row, or empty when it no longer exists. */
    CompletableFuture<Optional<ContainerRow>> row(String id) {
        return CompletableFuture.supplyAsync(() -> inspect(id), pool);
    }

    /** Every container (running or not) by id, inspected concurrently; timings logged. */
    CompletableFuture<Map<String, ContainerRow>> all() {
        long t0 = System.nanoTime();
        return CompletableFuture.supplyAsync(() -> api.listContainersCmd().withShowAll(true).exec(), pool)
                .thenCompose(list -> {
                    long listed = System.nanoTime();
                    List<CompletableFuture<Optional<ContainerRow>>> inspects = list.stream()
                            .map(Container::getId).map(this::row).toList();
                    return CompletableFuture.allOf(inspects.toArray(CompletableFuture[]::new)).thenApply(v -> {
                        Map<String, ContainerRow> fresh = new HashMap<>();
                        inspects.forEach(f -> f.join().ifPresent(r -> fresh.put(r.id(), r)));
                        LOG.info("[{}] resync: {} containers, list {} ms, inspect {} ms ({} threads)", name, fresh.size(),
                                (listed - t0) / 1_000_000, (System.nanoTime() - listed) / 1_000_000, threads);
                        return fresh;
                    });
                });
    }

    private Optional<ContainerRow> inspect(String id) {
        try {
            return Optional.of(mapper.fromInspect(api.inspectContainerCmd(id).exec()));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
