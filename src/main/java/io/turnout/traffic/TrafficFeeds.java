package io.turnout.traffic;

import com.github.dockerjava.api.DockerClient;
import io.turnout.router.HaproxyRouter;
import io.turnout.stack.StackSpec;
import io.turnout.stack.StackSpec.RouterKind;
import io.turnout.target.PortReach;
import io.turnout.timeline.Timeline;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds a stack's traffic feed from what its router offers; the composition root's one call. */
public final class TrafficFeeds {

    public static final Duration TICK = Duration.ofSeconds(1);

    private TrafficFeeds() {
    }

    /** The feed for an HAProxy-routed stack (not started); empty for nginx, which keeps no per-color counters (ADR 18). */
    public static Optional<TrafficFeed> forStack(DockerClient docker, PortReach ports, StackSpec spec, Timeline timeline,
                                                 Clock clock) {
        if (spec.router().kind() != RouterKind.HAPROXY) {
            return Optional.empty();
        }
        HaproxyRouter router = new HaproxyRouter(docker, ports, spec);
        List<String> routed = spec.services().entrySet().stream().filter(e -> e.getValue().routed())
                .map(Map.Entry::getKey).toList();
        return Optional.of(new TrafficFeed(spec.name(), routed, router::statsCsv,
                new DockerLogSource(docker, spec.routerContainerName()), timeline, clock, TICK));
    }
}
