package io.turnout.demo;

import com.github.dockerjava.api.exception.NotFoundException;
import io.turnout.plan.PlanResult;
import io.turnout.plan.RunOptions;
import io.turnout.release.DockerStackOperations;
import io.turnout.release.StackHost;
import io.turnout.release.StackStatus;
import io.turnout.stack.StackSpecs;
import io.turnout.target.TargetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;

/**
 * The stack a newcomer sees at once: a real Turnout stack {@code demo} — HAProxy router on
 * 127.0.0.1:18080, a routed service {@code web} and an internal one {@code api}, blue active on
 * {@code turnout-fixture/app:v1} — so the upgrade wizard can take it to v2 straight away.
 * Idempotent: a healthy demo is left alone, anything missing is applied.
 */
public final class DemoStack {

    public static final String STACK = "demo";
    public static final String NETWORK = "turnout-demo";
    public static final String IMAGE = "turnout-fixture/app:v1";
    public static final int PUBLIC_PORT = 18080;
    public static final List<String> SERVICES = List.of("web", "api");

    private static final Logger LOG = LoggerFactory.getLogger(DemoStack.class);
    private static final String DEFINITION = """
            name: demo
            router: { kind: haproxy, publicPort: %d, publicBind: 127.0.0.1, drainTimeout: 5s }
            services:
              web:
                image: %s
                port: 8080
                health: { path: /health, interval: 1s, timeout: 60s }
                env: { GREETING: hello from the demo web }
              api:
                image: %s
                port: 8080
                routed: false
                health: { path: /health, interval: 1s, timeout: 60s }
                env: { GREETING: hello from the demo api }
            """.formatted(PUBLIC_PORT, IMAGE, IMAGE);

    private final StackHost host;

    public DemoStack(StackHost host) {
        this.host = host;
    }

    /** @return the names of the demo's service containers, all running */
    public List<String> ensureRunning() {
        requireImage();
        DockerStackOperations ops = new DockerStackOperations(host, STACK, Clock.systemUTC(), DockerStackOperations.DEFAULT_ROLLBACK_LIMIT);
        if (!running(ops)) {
            PlanResult r = ops.execute(ops.planApply(StackSpecs.parse(DEFINITION)), RunOptions.simple("demo"));
            if (!r.succeeded()) {
                throw new TargetException("The demo stack could not be started: " + r.error());
            }
            LOG.info("demo: applied stack {} on {}", STACK, host.target().label());
        }
        return ops.status().services().stream()
                .map(s -> STACK + "-" + s.name() + "-" + s.active().id())
                .toList();
    }

    private static boolean running(DockerStackOperations ops) {
        try {
            StackStatus s = ops.status();
            return s.routerHealthy() && s.services().size() == SERVICES.size() && s.services().stream()
                    .allMatch(svc -> svc.active() != null && svc.colors().get(svc.active()) != null
                            && svc.colors().get(svc.active()).running() == 1);
        } catch (IllegalArgumentException e) {
            return false; // no definition yet
        }
    }

    private void requireImage() {
        try {
            host.docker().inspectImageCmd(IMAGE).exec();
        } catch (NotFoundException e) {
            throw new TargetException("The demo image " + IMAGE + " is missing on this engine; build it with"
                    + " 'scripts/sandbox build-images' (no registry is used).");
        }
    }
}
