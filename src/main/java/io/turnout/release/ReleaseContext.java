package io.turnout.release;

import io.turnout.router.RoutingTable;
import io.turnout.router.RoutingTable.ServiceRoute;
import io.turnout.router.StackRouter;
import io.turnout.stack.Color;
import io.turnout.stack.StackRepository;
import io.turnout.stack.StackSpec;
import io.turnout.stack.StackState;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What the steps of one blue-green plan share: the host, the stack's definition, its state files,
 * its router and containers,.
 * Steps run one at a time on the executor's thread, under the stack's lock.
 */
final class ReleaseContext {

    final StackHost host;
    final StackSpec spec;
    final StackRepository repo;
    final StackRouter router;
    final ColorContainers containers;
    final Clock clock;
    final int rollbackLimit;

    ReleaseContext(StackHost host, StackSpec spec, StackRepository repo, StackRouter router, Clock clock, int rollbackLimit) {
        this.host = host;
        this.spec = spec;
        this.repo = repo;
        this.router = router;
        this.containers = new ColorContainers(host.docker(), spec);
        this.clock = clock;
        this.rollbackLimit = rollbackLimit;
    }

    StackState state() {
        return repo.state();
    }

    /** Read-modify-write of state.json; safe because every writer holds the stack's lock. */
    StackState updateState(UnaryOperator<StackState> change) {
        StackState next = change.apply(repo.state());
        repo.saveState(next);
        return next;
    }

    /** The routing Turnout's records call for: each routed service all to its active color, preview on the other. */
    RoutingTable routesFor(StackState state) {
        Map<String, ServiceRoute> routes = new HashMap<>();
        spec.services().forEach((name, svc) -> {
            if (svc.routed()) {
                Color active = state.service(name).map(StackState.ServiceState::active).orElse(null);
                // before its first color is active, blue is all there is: public and preview both show it
                routes.put(name, active != null ? ServiceRoute.allTo(active)
                        : new ServiceRoute(Map.of(Color.BLUE, 100), Color.BLUE));
            }
        });
        return new RoutingTable(routes, state.maintenance());
    }
}
