package io.turnout.release;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import io.turnout.docker.Labels;
import io.turnout.stack.StackSpec;
import io.turnout.stack.StackSpec.RouterKind;
import io.turnout.stack.StackSpec.RouterSpec;
import io.turnout.stack.StackSpec.ServiceSpec;
import io.turnout.stack.StackSpecs;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a running compose project and writes the stack definition it amounts to: one service per
 * compose service (image, first exposed port, the environment the container adds to its image's),
 * routed when compose publishes a host port for it, internal otherwise.
 */
final class ComposeAdoption {

    private final DockerClient docker;
    private final String project;

    ComposeAdoption(DockerClient docker, String project) {
        this.docker = docker;
        this.project = project;
    }

    /** compose service → the id of its one running container. */
    Map<String, String> containers() {
        List<Container> found = docker.listContainersCmd().withLabelFilter(Map.of(Labels.COMPOSE_PROJECT, project)).exec();
        if (found.isEmpty()) {
            throw new IllegalArgumentException("No running containers of compose project '" + project + "' on this host.");
        }
        Map<String, String> byService = new TreeMap<>();
        for (Container c : found) {
            String service = c.getLabels().get(Labels.COMPOSE_SERVICE);
            if (byService.put(service, c.getId()) != null) {
                throw new IllegalArgumentException("Compose service '" + service + "' runs more than one container;"
                        + " adoption takes one container per service (scale it to 1 first).");
            }
        }
        return byService;
    }

    StackSpec definition(Map<String, String> containers, int publicPort, String publicBind, RouterKind kind) {
        Map<String, ServiceSpec> services = new LinkedHashMap<>();
        int routed = 0;
        for (var e : containers.entrySet()) {
            InspectContainerResponse c = docker.inspectContainerCmd(e.getValue()).exec();
            ExposedPort[] exposed = c.getConfig().getExposedPorts();
            if (exposed == null || exposed.length == 0) {
                throw new IllegalArgumentException("Compose service '" + e.getKey() + "' exposes no port; describe the stack"
                        + " in a turnout.yml and pass it with --file.");
            }
            int port = exposed[0].getPort();
            boolean publishes = c.getHostConfig().getPortBindings() != null && !c.getHostConfig().getPortBindings().getBindings().isEmpty();
            routed += publishes ? 1 : 0;
            services.put(e.getKey(), new ServiceSpec(c.getConfig().getImage(), port, StackSpecs.DEFAULT_HEALTH, publishes, true,
                    addedEnv(c), null));
        }
        if (routed != 1) {
            throw new IllegalArgumentException("Compose project '" + project + "' publishes ports for " + routed
                    + " services; say which is routed in a turnout.yml and pass it with --file.");
        }
        RouterSpec router = new RouterSpec(kind, publicPort, publicBind, StackSpecs.defaultRouterImage(kind),
                StackSpecs.DEFAULT_DRAIN_TIMEOUT);
        return new StackSpec(project, router, services);
    }

    /** The variables the container sets beyond its image's own (PATH and friends stay the image's business). */
    private Map<String, String> addedEnv(InspectContainerResponse c) {
        Set<String> imageEnv = new HashSet<>(Arrays.asList(orEmpty(docker.inspectImageCmd(c.getImageId()).exec().getConfig().getEnv())));
        Map<String, String> env = new TreeMap<>();
        for (String kv : orEmpty(c.getConfig().getEnv())) {
            int eq = kv.indexOf('=');
            if (eq > 0 && !imageEnv.contains(kv)) {
                env.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        return env;
    }

    private static String[] orEmpty(String[] a) {
        return a == null ? new String[0] : a;
    }
}
