package io.turnout.router;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import io.turnout.docker.Labels;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The Docker side of a router Turnout runs itself: its network, its container (created, filled
 * with config through the archive API, started), commands run inside it, and the host ports it
 * publishes. Everything goes through the Docker API, so it works the same over SSH and TLS.
 */
final class RouterContainer {

    static final String ROLE_LABEL = "io.turnout.role";
    static final String SHAPE_LABEL = "io.turnout.router.shape";
    private static final long EXEC_TIMEOUT_SECONDS = 30;

    record ExecResult(int exitCode, String output) {
    }

    enum Found { NONE, SAME_SHAPE, OTHER_SHAPE }

    private final DockerClient docker;
    private final String name;

    RouterContainer(DockerClient docker, String name) {
        this.docker = docker;
        this.name = name;
    }

    String name() {
        return name;
    }

    Optional<InspectContainerResponse> inspect() {
        return call("inspect", () -> {
            try {
                return Optional.of(docker.inspectContainerCmd(name).exec());
            } catch (NotFoundException e) {
                return Optional.empty();
            }
        });
    }

    boolean running() {
        return inspect().map(c -> Boolean.TRUE.equals(c.getState().getRunning())).orElse(false);
    }

    /** Whether a container by this name exists and how it compares; a container of someone else's is refused. */
    Found find(ContainerShape shape, String stack) {
        Optional<InspectContainerResponse> c = inspect();
        if (c.isEmpty()) {
            return Found.NONE;
        }
        Map<String, String> labels = c.get().getConfig().getLabels();
        if (labels == null || !stack.equals(labels.get(Labels.STACK)) || !"router".equals(labels.get(ROLE_LABEL))) {
            throw new RouterException("A container named '" + name + "' exists but is not the router of stack '"
                    + stack + "'; remove or rename it first.");
        }
        return shape.label().equals(labels.get(SHAPE_LABEL)) ? Found.SAME_SHAPE : Found.OTHER_SHAPE;
    }

    void ensureNetwork(String network, String stack) {
        call("network " + network, () -> {
            boolean exists = docker.listNetworksCmd().withNameFilter(network).exec().stream()
                    .anyMatch(n -> network.equals(n.getName()));
            if (!exists) {
                try {
                    docker.createNetworkCmd().withName(network).withDriver("bridge")
                            .withLabels(Map.of(Labels.STACK, stack)).exec();
                } catch (ConflictException e) {
                    // created concurrently by another deploy: what we wanted
                }
            }
            return null;
        });
    }

    /** Which of {@code names} no container (running or not) has now. */
    Set<String> absent(Collection<String> names) {
        Set<String> missing = new TreeSet<>(names);
        call("list", () -> docker.listContainersCmd().withShowAll(true).withNameFilter(names).exec()).forEach(c -> {
            for (String n : c.getNames()) {
                missing.remove(n.startsWith("/") ? n.substring(1) : n);
            }
        });
        return missing;
    }

    /** The network's IPv4 gateway, the source address of connections Docker forwards from published ports; null if none. */
    String gateway(String network) {
        return call("inspect network " + network, () -> {
            Network.Ipam ipam = docker.inspectNetworkCmd().withNetworkId(network).exec().getIpam();
            if (ipam == null || ipam.getConfig() == null) {
                return null;
            }
            return ipam.getConfig().stream().map(Network.Ipam.Config::getGateway)
                    .filter(g -> g != null && g.matches("[0-9.]+")).findFirst().orElse(null);
        });
    }

    void create(ContainerShape shape, String stack) {
        Ports bindings = new Ports();
        List<ExposedPort> exposed = shape.ports().stream().map(p -> ExposedPort.tcp(p.containerPort())).toList();
        for (ContainerShape.Publish p : shape.ports()) {
            Ports.Binding b = p.hostPort() == 0 ? Ports.Binding.bindIp(p.hostIp())
                    : Ports.Binding.bindIpAndPort(p.hostIp(), p.hostPort());
            bindings.add(new PortBinding(b, ExposedPort.tcp(p.containerPort())));
        }
        HostConfig host = HostConfig.newHostConfig().withNetworkMode(shape.network())
                .withRestartPolicy(RestartPolicy.unlessStoppedRestart()).withPortBindings(bindings);
        Map<String, String> labels = Map.of(Labels.STACK, stack, Labels.SERVICE, "router", ROLE_LABEL, "router",
                SHAPE_LABEL, shape.label());
        call("create", () -> docker.createContainerCmd(shape.image()).withName(name).withLabels(labels)
                .withExposedPorts(exposed).withHostConfig(host).exec());
    }

    void start() {
        call("start", () -> {
            try {
                docker.startContainerCmd(name).exec();
            } catch (NotModifiedException e) {
                // already running
            }
            return null;
        });
    }

    void remove() {
        call("remove", () -> {
            try {
                docker.removeContainerCmd(name).withForce(true).exec();
            } catch (NotFoundException e) {
                // gone already
            }
            return null;
        });
    }

    void signal(String signal) {
        call("signal " + signal, () -> docker.killContainerCmd(name).withSignal(signal).exec());
    }

    /** Writes {@code files} into directory {@code dir} of the container (which need not be running). */
    void copy(String dir, Map<String, byte[]> files) {
        byte[] tar = TarFiles.of(files);
        call("copy to " + dir, () -> docker.copyArchiveToContainerCmd(name).withRemotePath(dir)
                .withTarInputStream(new ByteArrayInputStream(tar)).exec());
    }

    /** Runs {@code cmd} in the running container; stdout and stderr together. */
    ExecResult exec(String... cmd) {
        return call("exec " + cmd[0], () -> {
            String id = docker.execCreateCmd(name).withCmd(cmd).withAttachStdout(true).withAttachStderr(true)
                    .exec().getId();
            TextFrames out = new TextFrames();
            try {
                boolean done = docker.execStartCmd(id).exec(out).awaitCompletion(EXEC_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                if (!done) {
                    throw new RouterException(String.join(" ", cmd) + " did not finish in " + EXEC_TIMEOUT_SECONDS + " s in " + name);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RouterException("interrupted while running " + cmd[0] + " in " + name, e);
            }
            Long code = docker.inspectExecCmd(id).exec().getExitCodeLong();
            return new ExecResult(code == null ? -1 : code.intValue(), out.text());
        });
    }

    /** The host port Docker published {@code containerPort} on, read now: it changes when the container restarts. */
    int hostPort(int containerPort) {
        InspectContainerResponse c = inspect().orElseThrow(() -> new RouterException("Router container " + name + " does not exist."));
        Ports.Binding[] b = c.getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(containerPort));
        if (b == null || b.length == 0 || b[0].getHostPortSpec() == null) {
            throw new RouterException("Router container " + name + " publishes no port for " + containerPort
                    + (Boolean.TRUE.equals(c.getState().getRunning()) ? "." : " (it is not running)."));
        }
        return Integer.parseInt(b[0].getHostPortSpec());
    }

    /** The last lines of its log, for the message when it does not come up. */
    String logTail(int lines) {
        TextFrames out = new TextFrames();
        try {
            docker.logContainerCmd(name).withStdOut(true).withStdErr(true).withTail(lines).exec(out)
                    .awaitCompletion(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            return "(no log: " + e.getMessage() + ")";
        }
        return out.text();
    }

    /** stdout and stderr frames of an exec or a log, as one text. */
    private static final class TextFrames extends ResultCallback.Adapter<Frame> {
        private final StringBuilder text = new StringBuilder();

        @Override
        public synchronized void onNext(Frame f) {
            text.append(new String(f.getPayload(), StandardCharsets.UTF_8));
        }

        synchronized String text() {
            return text.toString();
        }
    }

    private <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (RouterException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RouterException("Docker refused " + what + " of router container " + name + ": " + e.getMessage(), e);
        }
    }
}
