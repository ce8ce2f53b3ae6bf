package io.turnout.router;

import com.github.dockerjava.api.DockerClient;
import io.turnout.probe.HttpGet;
import io.turnout.router.RouterContainer.Found;
import io.turnout.stack.Color;
import io.turnout.stack.StackSpec;
import io.turnout.target.PortReach;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * For stacks that already use nginx: an nginx container on the stack's network. Every change is
 * a new nginx.conf, checked with {@code nginx -t} in the container, then a graceful reload. The
 * config file is the source of truth (its first line records the routing). Limits, measured in
 * NginxRouterIT and written down in docs/decisions/0010-routers.md: all-or-nothing switches only,
 * and a reload closes idle keep-alive client connections held by the old workers.
 */
public final class NginxRouter implements StackRouter {

    /** What starts each request line nginx logs (one per request of a public server); the traffic feed parses these. */
    public static final String ACCESS_LOG_PREFIX = "turnout ";

    private static final Logger LOG = LoggerFactory.getLogger(NginxRouter.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
    private static final int ADMIN_TIMEOUT_MS = 5_000;

    private final RouterContainer container;
    private final PortReach ports;
    private volatile StackSpec spec;
    /** Tests inject a broken directive here to prove a rejected config changes nothing. */
    private volatile UnaryOperator<String> configHook = UnaryOperator.identity();

    public NginxRouter(DockerClient docker, PortReach ports, StackSpec spec) {
        this.container = new RouterContainer(docker, spec.routerContainerName());
        this.ports = ports;
        this.spec = spec;
    }

    void configHook(UnaryOperator<String> hook) {
        this.configHook = hook;
    }

    @Override
    public String kind() {
        return "nginx";
    }

    @Override
    public void deploy(StackSpec newSpec, RoutingTable routes) {
        String config = render(newSpec, routes);
        ContainerShape shape = ContainerShape.of(newSpec, NginxConfig.PUBLIC_PORT, NginxConfig.ADMIN_PORT);
        container.ensureNetwork(newSpec.network(), newSpec.name());
        Found found = container.find(shape, newSpec.name());
        if (found == Found.OTHER_SHAPE) {
            LOG.warn("router {}: image, network or ports changed; recreating it (its public port is closed meanwhile)",
                    container.name());
            container.remove();
        }
        this.spec = newSpec;
        if (found == Found.SAME_SHAPE && container.running()) {
            reloadWith(config);
            LOG.info("router {}: reloaded, {}", container.name(), RoutingState.headerLine(routes));
            return;
        }
        if (found != Found.SAME_SHAPE) {
            container.create(shape, newSpec.name());
        }
        container.copy(NginxConfig.DIR, Map.of(NginxConfig.CONFIG, config.getBytes(StandardCharsets.UTF_8)));
        container.start();
        try {
            awaitGeneration(NginxConfig.generation(config));
        } catch (RouterException e) {
            container.remove(); // restart policy unless-stopped would restart a refused config forever
            throw e;
        }
        LOG.info("router {}: started, {}", container.name(), RoutingState.headerLine(routes));
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
        return reach(NginxConfig.PUBLIC_PORT);
    }

    @Override
    public InetSocketAddress previewAddress(String service) {
        return reach(RoutedServices.previewPort(spec, service));
    }

    /** stub_status is at {@code http://<this>/stub_status}. */
    public InetSocketAddress statsAddress() {
        return reach(NginxConfig.ADMIN_PORT);
    }

    @Override
    public RoutingTable current() {
        RouterContainer.ExecResult r = container.exec("/bin/busybox", "head", "-n", "1", NginxConfig.DIR + "/" + NginxConfig.CONFIG);
        if (r.exitCode() != 0) {
            throw new RouterException("Cannot read the nginx config of " + container.name() + ": " + r.output().strip());
        }
        return RoutingState.parse(r.output());
    }

    @Override
    public List<String> diff(RoutingTable desired) {
        NginxConfig.checkAllOrNothing(desired);
        return RoutingDiff.lines(current(), desired);
    }

    @Override
    public void apply(RoutingTable desired) {
        String config = render(spec, desired);
        RoutingTable before = current();
        reloadWith(config);
        LOG.info("router {}: applied {}", container.name(), RoutingDiff.lines(before, desired));
    }

    /**
     * nginx has no active health checks: each color's health path is probed through the router's
     * admin server, so the answer is what nginx itself reaches on the stack network.
     */
    @Override
    public Map<String, Map<Color, BackendCheck>> checks() {
        RoutingTable now = current();
        InetSocketAddress admin = reach(NginxConfig.ADMIN_PORT);
        Map<String, Map<Color, BackendCheck>> out = new LinkedHashMap<>();
        for (String s : RoutedServices.of(spec)) {
            Map<Color, BackendCheck> colors = new EnumMap<>(Color.class);
            int[] weights = now.services().containsKey(s)
                    ? new int[] {now.route(s).weight(Color.BLUE), now.route(s).weight(Color.GREEN)} : new int[2];
            for (Color c : Color.values()) {
                HttpGet.Response a = admin(admin, NginxConfig.checkPath(s, c));
                boolean ok = a.status() >= 200 && a.status() < 300;
                colors.put(c, new BackendCheck(ok ? "UP" : "DOWN", "HTTP " + a.status() + " in " + a.millis() + "ms",
                        -1, weights[c.ordinal()]));
            }
            out.put(s, colors);
        }
        return out;
    }

    @Override
    public boolean healthy() {
        try {
            return admin(reach(NginxConfig.ADMIN_PORT), NginxConfig.GENERATION_PATH).status() == 200;
        } catch (RouterException e) {
            LOG.debug("router {}: admin server not answering: {}", container.name(), e.getMessage());
            return false;
        }
    }

    /** One GET on the admin port, fresh connection (a pooled one may still reach an old worker). */
    private static HttpGet.Response admin(InetSocketAddress admin, String path) {
        try {
            return HttpGet.once(admin, path, "turnout-admin", Duration.ofMillis(ADMIN_TIMEOUT_MS));
        } catch (java.io.IOException e) {
            throw new RouterException("No answer from " + admin + path + ": " + e.getMessage(), e);
        }
    }

    private String render(StackSpec s, RoutingTable table) {
        return configHook.apply(NginxConfig.render(s, table));
    }

    /** nginx -t on a staged copy, rename into place, graceful reload, wait until the workers serve it. */
    private void reloadWith(String config) {
        if (!container.running()) {
            throw new RouterException("Router container " + container.name() + " is not running.");
        }
        StagedConfig staged = StagedConfig.stage(container, NginxConfig.DIR,
                Map.of(NginxConfig.CONFIG, config.getBytes(StandardCharsets.UTF_8)),
                path -> List.of("/usr/sbin/nginx", "-t", "-q", "-c", path), NginxRouter::errors, "nginx");
        staged.promote();
        RouterContainer.ExecResult r = container.exec("/usr/sbin/nginx", "-s", "reload");
        try {
            if (r.exitCode() != 0) {
                throw new RouterException("nginx -s reload failed in " + container.name() + ": " + errors(r.output()));
            }
            awaitGeneration(NginxConfig.generation(config));
        } catch (RouterException e) {
            staged.restorePrevious(); // the file is the truth current() reads: it must say what runs
            throw e;
        }
    }

    /**
     * Waits until the admin server answers {@code generation} and no worker but the new one still
     * accepts: the old workers keep their listening sockets until the master has told them to shut
     * down, so a new generation on one port alone does not yet mean every new connection gets it.
     */
    private void awaitGeneration(String generation) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String last = "(no answer)";
        while (true) {
            try {
                HttpGet.Response a = admin(reach(NginxConfig.ADMIN_PORT), NginxConfig.GENERATION_PATH);
                last = a.status() + " " + a.body().strip();
                if (a.status() == 200 && a.body().strip().equals(generation)) {
                    long accepting = acceptingWorkers();
                    if (accepting == NginxConfig.WORKERS) {
                        return;
                    }
                    last += ", " + accepting + " workers accepting";
                }
            } catch (RouterException e) {
                last = e.getMessage();
            }
            if (!container.running() || System.nanoTime() > deadline) {
                throw new RouterException("nginx in " + container.name() + " does not serve config " + generation
                        + " (admin answered: " + last + "): " + errors(container.logTail(20)));
            }
            Pause.briefly();
        }
    }

    /** Workers not yet told to shut down (nginx retitles those "worker process is shutting down"). */
    private long acceptingWorkers() {
        RouterContainer.ExecResult ps = container.exec("/bin/busybox", "ps", "-o", "args");
        return ps.output().lines().filter(l -> l.contains("nginx: worker process") && !l.contains("shutting down")).count();
    }

    private InetSocketAddress reach(int containerPort) {
        return ports.reach(container.hostPort(containerPort));
    }

    /** nginx's [emerg]/[alert] lines, or the whole output when there are none. */
    static String errors(String output) {
        List<String> lines = output.lines().filter(l -> l.contains("[emerg]") || l.contains("[alert]")).map(String::strip).toList();
        return lines.isEmpty() ? output.strip() : String.join(" | ", lines);
    }
}
