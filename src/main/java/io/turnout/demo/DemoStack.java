package io.turnout.demo;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.RestartPolicy;
import io.turnout.target.TargetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * The small stack a newcomer sees at once: stack {@code demo}, services {@code web} and
 * {@code api}, color blue active, running {@code turnout-fixture/app:v1}. Idempotent: running
 * containers are left alone, stopped ones started, missing ones created.
 */
public final class DemoStack {

    public static final String STACK = "demo";
    public static final String NETWORK = "turnout-demo";
    public static final String IMAGE = "turnout-fixture/app:v1";
    public static final List<String> SERVICES = List.of("web", "api");

    private static final Logger LOG = LoggerFactory.getLogger(DemoStack.class);

    private final DockerClient docker;

    public DemoStack(DockerClient docker) {
        this.docker = docker;
    }

    /** @return the names of the demo containers, all running */
    public List<String> ensureRunning() {
        requireImage();
        ensureNetwork();
        return SERVICES.stream().map(this::ensureService).toList();
    }

    private void requireImage() {
        try {
            docker.inspectImageCmd(IMAGE).exec();
        } catch (NotFoundException e) {
            throw new TargetException("The demo image " + IMAGE + " is missing on this engine; build it with"
                    + " 'scripts/sandbox build-images' (no registry is used).");
        }
    }

    private void ensureNetwork() {
        boolean exists = docker.listNetworksCmd().withNameFilter(NETWORK).exec().stream()
                .anyMatch(n -> NETWORK.equals(n.getName()));
        if (!exists) {
            docker.createNetworkCmd().withName(NETWORK).withDriver("bridge")
                    .withLabels(Map.of("io.turnout.stack", STACK)).exec();
        }
    }

    private String ensureService(String service) {
        String name = STACK + "-" + service + "-blue";
        List<Container> found = docker.listContainersCmd().withShowAll(true)
                .withNameFilter(List.of("^/" + name + "$")).exec();
        if (found.isEmpty()) {
            String id = docker.createContainerCmd(IMAGE)
                    .withName(name)
                    .withHostName(name)
                    .withEnv("GREETING=hello from the demo " + service)
                    .withLabels(Map.of(
                            "io.turnout.stack", STACK,
                            "io.turnout.service", service,
                            "io.turnout.color", "blue",
                            "io.turnout.version", "v1"))
                    .withHostConfig(HostConfig.newHostConfig()
                            .withNetworkMode(NETWORK)
                            .withRestartPolicy(RestartPolicy.unlessStoppedRestart()))
                    .exec().getId();
            docker.startContainerCmd(id).exec();
            LOG.info("demo: created and started {}", name);
        } else if (!"running".equals(found.getFirst().getState())) {
            docker.startContainerCmd(found.getFirst().getId()).exec();
            LOG.info("demo: started {}", name);
        }
        return name;
    }
}
