package io.turnout.health;

import io.turnout.connect.DefaultHostConnector;
import io.turnout.docker.DockerHost;
import io.turnout.stack.StackSpec;
import io.turnout.timeline.Timeline;

import java.time.Clock;
import java.time.Duration;

/** Builds a stack's health feed on a connected host; the composition root's one call. */
public final class HealthFeeds {

    public static final Duration TICK = Duration.ofSeconds(1);

    private HealthFeeds() {
    }

    /** Not started. Probes go through the host's SSH session when it has one, directly for a local engine. */
    public static HealthFeed forStack(DockerHost host, StackSpec spec, Timeline timeline, Clock clock) {
        ContainerReach reach = DefaultHostConnector.sshOf(host).map(ContainerReach::through).orElse(ContainerReach.DIRECT);
        return new HealthFeed(spec, DefaultHostConnector.engineOf(host).api(), reach, timeline, clock, TICK);
    }
}
