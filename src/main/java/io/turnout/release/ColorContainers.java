package io.turnout.release;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.RestartPolicy;
import io.turnout.docker.Labels;
import io.turnout.stack.Color;
import io.turnout.stack.Release;
import io.turnout.stack.StackSpec;
import io.turnout.stack.StackSpec.ServiceSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The Docker side of colors: one container per service and color, named and labelled so anyone can find it. */
final class ColorContainers {

    static final String RELEASE_LABEL = "io.turnout.release";
    static final String CONFIG_LABEL = "io.turnout.config";

    private final DockerClient docker;
    private final StackSpec spec;

    ColorContainers(DockerClient docker, StackSpec spec) {
        this.docker = docker;
        this.spec = spec;
    }

    /** Creates and starts the color's container (replacing a stopped or stale one of the same name). */
    String start(String service, ServiceSpec svc, Color color, Release release) {
        String name = spec.containerName(service, color);
        remove(service, color);
        List<String> env = new ArrayList<>();
        svc.env().forEach((k, v) -> env.add(k + "=" + v));
        String id = docker.createContainerCmd(svc.image())
                .withName(name)
                .withEnv(env)
                .withLabels(Map.of(Labels.STACK, spec.name(), Labels.SERVICE, service, Labels.COLOR, color.id(),
                        RELEASE_LABEL, release.id(), CONFIG_LABEL, release.configHash() == null ? "" : release.configHash()))
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode(spec.network())
                        .withRestartPolicy(RestartPolicy.unlessStoppedRestart()))
                .exec().getId();
        docker.startContainerCmd(id).exec();
        return id;
    }

    /** Stops gracefully (SIGTERM, 10 s) and removes; false when there was none. */
    boolean remove(String service, Color color) {
        String name = spec.containerName(service, color);
        try {
            InspectContainerResponse c = docker.inspectContainerCmd(name).exec();
            if (Boolean.TRUE.equals(c.getState().getRunning())) {
                docker.stopContainerCmd(c.getId()).withTimeout(10).exec();
            }
            docker.removeContainerCmd(c.getId()).withForce(true).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    Optional<InspectContainerResponse> inspect(String service, Color color) {
        try {
            return Optional.of(docker.inspectContainerCmd(spec.containerName(service, color)).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    boolean running(String service, Color color) {
        return inspect(service, color).map(c -> Boolean.TRUE.equals(c.getState().getRunning())).orElse(false);
    }

    /** Docker's health of the container: healthy, unhealthy, starting, none (no HEALTHCHECK) or missing. */
    String health(String service, Color color) {
        return inspect(service, color).map(c -> {
            if (!Boolean.TRUE.equals(c.getState().getRunning())) {
                return "stopped";
            }
            var h = c.getState().getHealth();
            return h == null || h.getStatus() == null ? "none" : h.getStatus();
        }).orElse("missing");
    }

    /** The last lines of the container's output, for a failed gate's message. */
    String tail(String service, Color color, int lines) {
        StringBuilder out = new StringBuilder();
        try {
            docker.logContainerCmd(spec.containerName(service, color)).withStdOut(true).withStdErr(true).withTail(lines)
                    .exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<com.github.dockerjava.api.model.Frame>() {
                        @Override
                        public void onNext(com.github.dockerjava.api.model.Frame f) {
                            out.append(new String(f.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
                        }
                    }).awaitCompletion(5, TimeUnit.SECONDS);
        } catch (NotFoundException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out.toString().strip();
    }

    /** All containers of the stack (any service, any color, the router, adopted compose ones), running or not. */
    List<Container> all() {
        Map<String, Container> byId = new java.util.LinkedHashMap<>();
        for (String label : List.of(Labels.STACK, Labels.COMPOSE_PROJECT)) {
            docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(label, spec.name())).exec()
                    .forEach(c -> byId.put(c.getId(), c));
        }
        return List.copyOf(byId.values());
    }

    boolean imagePresent(String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /**
     * Pulls {@code image} through the host's engine (its registry credentials and mirrors apply).
     * @throws IllegalStateException with the registry's reason when it cannot be pulled
     */
    void pull(String image, java.time.Duration timeout) {
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        boolean tagged = colon > slash;
        String repository = tagged ? image.substring(0, colon) : image;
        String tag = tagged ? image.substring(colon + 1) : "latest";
        try {
            boolean done = docker.pullImageCmd(repository).withTag(tag)
                    .exec(new com.github.dockerjava.api.command.PullImageResultCallback())
                    .awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                throw new IllegalStateException("Pulling " + image + " did not finish within " + Durations.text(timeout) + ".");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Pulling " + image + " was interrupted.", e);
        } catch (RuntimeException e) {
            if (e instanceof IllegalStateException) {
                throw e;
            }
            throw new IllegalStateException("The image " + image + " is not on the host and cannot be pulled: "
                    + e.getMessage().strip() + ".", e);
        }
        if (!imagePresent(image)) {
            throw new IllegalStateException("The image " + image + " is still not on the host after pulling it.");
        }
    }

    void ensureNetwork() {
        boolean exists = docker.listNetworksCmd().withNameFilter(spec.network()).exec().stream()
                .anyMatch(n -> spec.network().equals(n.getName()));
        if (!exists) {
            docker.createNetworkCmd().withName(spec.network()).withDriver("bridge")
                    .withLabels(Map.of(Labels.STACK, spec.name())).exec();
        }
    }

    void removeNetwork() {
        try {
            docker.removeNetworkCmd(spec.network()).exec();
        } catch (NotFoundException e) {
            // already gone
        }
    }

    /**
     * Free bytes on the filesystem under Docker's storage, seen from inside a running container
     * ({@code df} on its root, an overlay on that disk); -1 when the container has no df or is not running.
     */
    long freeBytes(String containerName) {
        try {
            String exec = docker.execCreateCmd(containerName).withCmd("df", "-Pk", "/").withAttachStdout(true)
                    .withAttachStderr(true).exec().getId();
            StringBuilder out = new StringBuilder();
            docker.execStartCmd(exec).exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<com.github.dockerjava.api.model.Frame>() {
                @Override
                public void onNext(com.github.dockerjava.api.model.Frame f) {
                    out.append(new String(f.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }).awaitCompletion(10, TimeUnit.SECONDS);
            String[] lines = out.toString().strip().split("\n");
            String[] cols = lines[lines.length - 1].trim().split("\\s+");
            return cols.length >= 4 && cols[3].matches("\\d+") ? Long.parseLong(cols[3]) * 1024 : -1;
        } catch (RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
