package io.turnout.release;

import io.turnout.router.BackendCheck;
import io.turnout.router.RouterException;
import io.turnout.router.RoutingTable;
import io.turnout.stack.Color;
import io.turnout.stack.Release;
import io.turnout.stack.StackRepository;
import io.turnout.stack.StackSpec.ServiceSpec;
import io.turnout.stack.StackState;
import io.turnout.stack.StackState.ServiceState;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a stack's status from its three sources of truth: the state files, Docker and the router. */
final class StatusReader {

    private static final int RECENT = 10;

    private final ReleaseContext ctx;
    private final StackRepository repo;

    StatusReader(ReleaseContext ctx, StackRepository repo) {
        this.ctx = ctx;
        this.repo = repo;
    }

    StackStatus read(Optional<InterruptedRun> interrupted) {
        StackState state = repo.state();
        boolean routerHealthy = false;
        RoutingTable routes = null;
        Map<String, Map<Color, BackendCheck>> checks = Map.of();
        if (ctx.router.exists()) {
            try {
                routerHealthy = ctx.router.healthy();
                if (routerHealthy) {
                    routes = ctx.router.current();
                    checks = ctx.router.checks();
                }
            } catch (RouterException e) {
                routerHealthy = false;
            }
        }
        List<StackStatus.ServiceStatus> services = new ArrayList<>();
        for (var e : ctx.spec.services().entrySet()) {
            services.add(service(e.getKey(), e.getValue(), state.service(e.getKey()), routes, checks));
        }
        return new StackStatus(ctx.spec.name(), ctx.router.kind(), routerHealthy, routes != null ? routes.maintenance() : state.maintenance(),
                services, repo.lock(), interrupted, repo.history(RECENT));
    }

    private StackStatus.ServiceStatus service(String name, ServiceSpec svc, Optional<ServiceState> st, RoutingTable routes,
                                              Map<String, Map<Color, BackendCheck>> checks) {
        Map<Color, StackStatus.ColorStatus> colors = new EnumMap<>(Color.class);
        for (Color c : Color.values()) {
            Release r = st.flatMap(s -> s.release(c)).orElse(null);
            var container = ctx.containers.inspect(name, c);
            if (r == null && container.isEmpty()) {
                continue;
            }
            boolean running = container.map(x -> Boolean.TRUE.equals(x.getState().getRunning())).orElse(false);
            String image = container.map(x -> x.getConfig().getImage()).orElse(r == null ? null : r.image());
            int share = routes != null && svc.routed() && routes.services().containsKey(name) ? routes.route(name).weight(c) : 0;
            BackendCheck check = checks.getOrDefault(name, Map.of()).get(c);
            colors.put(c, new StackStatus.ColorStatus(r, image, running ? 1 : 0, container.isPresent() ? 1 : 0,
                    ctx.containers.health(name, c), share, check));
        }
        return new StackStatus.ServiceStatus(name, svc.routed(), st.map(ServiceState::active).orElse(null), colors);
    }
}
