package io.turnout.release;

import io.turnout.router.BackendCheck;
import io.turnout.stack.Color;
import io.turnout.stack.HistoryEntry;
import io.turnout.stack.LockInfo;
import io.turnout.stack.Release;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One read of a stack: recorded state, what Docker runs, what the router does. What
 * {@code turnout upgrade status} prints and the environment cards show.
 */
public record StackStatus(String stack, String routerKind, boolean routerHealthy, boolean maintenance,
                          List<ServiceStatus> services, Optional<LockInfo> lock, Optional<InterruptedRun> interrupted,
                          List<HistoryEntry> recent) {

    public record ServiceStatus(String name, boolean routed, Color active, Map<Color, ColorStatus> colors) {
        public Optional<Color> standby() {
            return active != null && colors.containsKey(active.other()) ? Optional.of(active.other()) : Optional.empty();
        }
    }

    /**
     * @param release what the state file says this color runs (null if Docker has a container Turnout did not record)
     * @param running containers running / total for this color
     * @param health Docker's health of the color's container(s): healthy, unhealthy, starting, none
     * @param trafficShare 0..100, the router's weight for this color
     * @param check the router's own check of it, null for unrouted services
     */
    public record ColorStatus(Release release, String image, int running, int total, String health, int trafficShare,
                              BackendCheck check) {
    }
}
