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

/** Builds a stack's traffic feed from what its router offers; the composition root's one call. */
public final class TrafficFeeds {

    public static final Duration TICK = Duration.ofSeconds(1);

    private TrafficFeeds() {
    }

    /**
     * The feed for a stack (not started). HAProxy: counters from {@code show stat}, latencies from
     * its access log. nginx: both from the access log the nginx.conf Turnout writes (ADR 18).
     */
    public static TrafficFeed forStack(DockerClient docker, PortReach ports, StackSpec spec, Timeline timeline, Clock clock) {
        List<String> routed = spec.services().entrySet().stream().filter(e -> e.getValue().routed())
                .map(Map.Entry::getKey).toList();
        TrafficCounters counters = spec.router().kind() == RouterKind.HAPROXY
                ? TrafficCounters.haproxy(new HaproxyRouter(docker, ports, spec)::statsCsv, routed)
                : new LogCounters();
        return new TrafficFeed(spec.name(), routed, counters, new DockerLogSource(docker, spec.routerContainerName()), timeline, clock, TICK);
    }
}
