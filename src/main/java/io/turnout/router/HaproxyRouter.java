package io.turnout.router;

import com.github.dockerjava.api.DockerClient;
import io.turnout.router.RouterContainer.Found;
import io.turnout.stack.Color;
import io.turnout.stack.StackSpec;
import io.turnout.target.PortReach;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The default router on Docker hosts: an HAProxy container on the stack's network. Switches,
 * drains, previews and maintenance go through the runtime API without a reload (no client
 * connection is touched), and every change is also written into haproxy.cfg inside the container
 * so a restart keeps it. See docs/decisions/0010-routers.md.
 */
public final class HaproxyRouter implements StackRouter {

    private static final Logger LOG = LoggerFactory.getLogger(HaproxyRouter.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final RouterContainer container;
    private final PortReach ports;
    private final HaproxyRuntime runtime;
    private volatile StackSpec spec;
    /** Tests inject a broken directive here to prove a rejected config changes nothing. */
    private volatile UnaryOperator<String> configHook = UnaryOperator.identity();

    public HaproxyRouter(DockerClient docker, PortReach ports, StackSpec spec) {
        this.container = new RouterContainer(docker, spec.routerContainerName());
        this.ports = ports;
        this.spec = spec;
        this.runtime = new HaproxyRuntime(() -> reach(HaproxyConfig.RUNTIME_PORT));
    }

    void configHook(UnaryOperator<String> hook) {
        this.configHook = hook;
    }

    @Override
    public String kind() {
        return "haproxy";
    }

    @Override
    public void deploy(StackSpec newSpec, RoutingTable routes) {
        RoutedServices.checkSpec(newSpec);
        RoutedServices.checkTable(newSpec, routes);
        ContainerShape shape = ContainerShape.of(newSpec, HaproxyConfig.PUBLIC_PORT,
                HaproxyConfig.STATS_PORT, HaproxyConfig.RUNTIME_PORT);
        container.ensureNetwork(newSpec.network(), newSpec.name());
        Map<String, byte[]> files = files(newSpec, routes);
        Found found = container.find(shape, newSpec.name());
        if (found == Found.OTHER_SHAPE) {
            LOG.warn("router {}: image, network or ports changed; recreating it (its public port is closed meanwhile)",
                    container.name());
            container.remove();
        }
        this.spec = newSpec;
        if (found != Found.SAME_SHAPE || !container.running()) {
            if (found != Found.SAME_SHAPE) {
                container.create(shape, newSpec.name());
            }
            // create → copy → start: the first config is in place before HAProxy reads it
            container.copy(HaproxyConfig.DIR, files);
            container.start();
            try {
                awaitRuntime();
            } catch (RouterException e) {
                // with restart policy unless-stopped a config HAProxy refuses would restart forever
                container.remove();
                throw e;
            }
            LOG.info("router {}: started, {}", container.name(), RoutingState.headerLine(routes));
            return;
        }
        StagedConfig staged = stage(files);
        staged.promote();
        // a new config may add backends or change checks: only a reload reads it. In master-worker
        // mode (-W) USR2 reloads without closing the listening sockets.
        String oldWorker = workerPid();
        container.signal("SIGUSR2");
        awaitRouting(routes, oldWorker);
        LOG.info("router {}: reloaded, {}", container.name(), RoutingState.headerLine(routes));
    }

    @Override
    public void remove() {
        container.remove();
        LOG.info("router {}: removed", container.name());
    }

    @Override
    public boolean exists() {
        return container.inspect().isPresent();
    }

    @Override
    public InetSocketAddress publicAddress() {
        return reach(HaproxyConfig.PUBLIC_PORT);
    }

    @Override
    public InetSocketAddress previewAddress(String service) {
        return reach(RoutedServices.previewPort(spec, service));
    }

    /** HAProxy's stats page is at {@code http://<this>/stats}. */
    public InetSocketAddress statsAddress() {
        return reach(HaproxyConfig.STATS_PORT);
    }

    /** HAProxy's counters as {@code show stat} CSV (management guide §9.1), read now through the runtime API. */
    public String statsCsv() {
        return runtime.query("show stat");
    }

    @Override
    public RoutingTable current() {
        String answer = runtime.query("show servers state; show acl " + HaproxyConfig.aclPath());
        return HaproxyState.table(answer, RoutedServices.of(spec));
    }

    @Override
    public List<String> diff(RoutingTable desired) {
        return RoutingDiff.lines(current(), desired);
    }

    @Override
    public void apply(RoutingTable desired) {
        StackSpec s = spec;
        Map<String, byte[]> files = files(s, desired);
        RoutingTable before = current();
        StagedConfig staged = stage(files);
        try {
            runtime.run(HaproxyCommands.toApply(desired));
        } catch (RouterException e) {
            staged.discard();
            restore(before);
            throw e;
        }
        staged.promote();
        LOG.info("router {}: applied {}", container.name(), RoutingDiff.lines(before, desired));
    }

    @Override
    public Map<String, Map<Color, BackendCheck>> checks() {
        return HaproxyState.checks(runtime.query("show stat"), RoutedServices.of(spec));
    }

    @Override
    public boolean healthy() {
        try {
            return runtime.query("show info").contains("Name: HAProxy");
        } catch (RouterException e) {
            LOG.debug("router {}: runtime API not answering: {}", container.name(), e.getMessage());
            return false;
        }
    }

    private Map<String, byte[]> files(StackSpec s, RoutingTable table) {
        Map<String, byte[]> files = HaproxyConfig.files(s, table, container.absent(colorContainers(s)),
                container.gateway(s.network()));
        String cfg = new String(files.get(HaproxyConfig.CONFIG), StandardCharsets.UTF_8);
        files.put(HaproxyConfig.CONFIG, configHook.apply(cfg).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private StagedConfig stage(Map<String, byte[]> files) {
        if (!container.running()) {
            throw new RouterException("Router container " + container.name() + " is not running.");
        }
        return StagedConfig.stage(container, HaproxyConfig.DIR, files,
                path -> List.of("/usr/sbin/haproxy", "-c", "-f", path), HaproxyRouter::alerts, "HAProxy");
    }

    /** Best effort after a refused command: the earlier commands of the line did run. */
    private void restore(RoutingTable before) {
        try {
            runtime.run(HaproxyCommands.toApply(before));
        } catch (RouterException e) {
            LOG.error("router {}: could not restore the routing after a refused change: {}", container.name(), e.getMessage());
        }
    }

    private void awaitRuntime() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!healthy()) {
            if (!container.running() || System.nanoTime() > deadline) {
                String log = container.logTail(20);
                throw new RouterException("HAProxy in " + container.name() + " did not come up: " + alerts(log));
            }
            Pause.briefly();
        }
    }

    /** Until a worker other than {@code oldWorker} answers the runtime API and routes as {@code routes}. */
    private void awaitRouting(RoutingTable routes, String oldWorker) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try {
                if (!workerPid().equals(oldWorker) && current().equals(routes)) {
                    return;
                }
            } catch (RouterException e) {
                LOG.debug("router {}: waiting for the reloaded worker: {}", container.name(), e.getMessage());
            }
            if (System.nanoTime() > deadline) {
                throw new RouterException("HAProxy in " + container.name() + " did not serve the new config after a reload: "
                        + alerts(container.logTail(20)));
            }
            Pause.briefly();
        }
    }

    private String workerPid() {
        return runtime.query("show info").lines().filter(l -> l.startsWith("Pid: ")).findFirst().orElse("?");
    }

    private static List<String> colorContainers(StackSpec s) {
        List<String> names = new ArrayList<>();
        for (String svc : RoutedServices.of(s)) {
            for (Color c : Color.values()) {
                names.add(s.containerName(svc, c));
            }
        }
        return names;
    }

    private InetSocketAddress reach(int containerPort) {
        return ports.reach(container.hostPort(containerPort));
    }

    /** HAProxy's [ALERT] lines (its errors), or the whole output when there are none. */
    static String alerts(String output) {
        List<String> alerts = output.lines().filter(l -> l.contains("[ALERT]")).map(String::strip).toList();
        return alerts.isEmpty() ? output.strip() : String.join(" | ", alerts);
    }
}
