package io.turnout.health;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerNetwork;
import io.turnout.feed.Feed;
import io.turnout.stack.Color;
import io.turnout.stack.StackSpec;
import io.turnout.stack.StackSpec.ProbeSpec;
import io.turnout.stack.StackSpec.ServiceSpec;
import io.turnout.timeline.Marker;
import io.turnout.timeline.MarkerKind;
import io.turnout.timeline.SeriesKey;
import io.turnout.timeline.Timeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Health of every service's colors: Docker's own check (status and its last outputs) and the
 * service's HTTP probes, run against the container on the stack network (through the host's SSH
 * session), each at its own interval. Appends {@code health/<service>.<color>.<probe>_ms},
 * {@code .<probe>.ok} and {@code .ok} to the timeline and a HEALTH_CHANGE marker on every change of state.
 */
public final class HealthFeed implements Feed<HealthSnapshot> {

    public static final String FEED = "health";
    private static final Logger LOG = LoggerFactory.getLogger(HealthFeed.class);
    private static final int HISTORY = 200;
    private static final Duration MAX_PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final StackSpec spec;
    private final DockerClient docker;
    private final HttpProbe probe;
    private final Timeline timeline;
    private final Clock clock;
    private final Duration interval;
    private final CopyOnWriteArrayList<Consumer<? super HealthSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Memo> memos = new HashMap<>();
    private final ArrayDeque<HealthTransition> history = new ArrayDeque<>();
    private volatile HealthSnapshot current;
    private ScheduledExecutorService ticker;

    /** What the feed remembers of one color between ticks; reset when its container is replaced. */
    private static final class Memo {
        String containerId;
        boolean passed;
        HealthState state;
        final Map<String, ProbeResult> results = new LinkedHashMap<>();
        final Map<String, Instant> due = new HashMap<>();
    }

    public HealthFeed(StackSpec spec, DockerClient docker, ContainerReach reach, Timeline timeline, Clock clock, Duration interval) {
        this.spec = spec;
        this.docker = docker;
        this.probe = new HttpProbe(reach, clock);
        this.timeline = timeline;
        this.clock = clock;
        this.interval = interval;
        this.current = HealthSnapshot.empty(clock.instant());
    }

    @Override
    public HealthSnapshot current() {
        return current;
    }

    @Override
    public Subscription subscribe(Consumer<? super HealthSnapshot> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public synchronized void start() {
        if (ticker != null) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "health-feed-" + spec.name());
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(() -> {
            try {
                tick(false);
            } catch (RuntimeException e) {
                LOG.warn("health {}: tick failed: {}", spec.name(), e.toString());
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
    }

    /** One pass that runs every probe now, whatever its interval: {@code turnout health check}. */
    public HealthSnapshot checkOnce() {
        tick(true);
        return current;
    }

    synchronized void tick(boolean allProbes) {
        Instant now = clock.instant();
        List<ColorHealth> colors = new ArrayList<>();
        Map<SeriesKey, Double> series = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, ServiceSpec> e : spec.services().entrySet()) {
                for (Color c : Color.values()) {
                    colors.add(read(e.getKey(), e.getValue(), c, now, allProbes, series));
                }
            }
        } catch (RuntimeException e) {
            publish(new HealthSnapshot(now, current.colors(), List.copyOf(history), "Docker could not be read: " + e.getMessage()));
            return;
        }
        timeline.record(now, series);
        publish(new HealthSnapshot(now, colors, List.copyOf(history), null));
    }

    private ColorHealth read(String service, ServiceSpec svc, Color color, Instant now, boolean allProbes,
                             Map<SeriesKey, Double> series) {
        String subject = service + "." + color.id();
        Memo memo = memos.computeIfAbsent(subject, k -> new Memo());
        InspectContainerResponse c = inspect(spec.containerName(service, color));
        boolean running = c != null && Boolean.TRUE.equals(c.getState().getRunning());
        String dockerStatus = c == null ? "missing" : !running ? "stopped" : dockerHealth(c);
        List<String> dockerLog = c == null ? List.of() : dockerLog(c);
        if (c != null && !c.getId().equals(memo.containerId)) {
            memo.containerId = c.getId();
            memo.passed = false;
            memo.results.clear();
            memo.due.clear();
        }
        Duration age = Duration.ZERO;
        if (running) {
            age = startedAt(c).map(t -> Duration.between(t, now)).orElse(Duration.ZERO);
            String ip = ipOn(c, spec.network());
            for (Map.Entry<String, ProbeSpec> p : svc.health().effectiveProbes().entrySet()) {
                Instant due = memo.due.getOrDefault(p.getKey(), Instant.MIN);
                if (allProbes || !now.isBefore(due)) {
                    ProbeResult r = probe.run(p.getKey(), p.getValue().path(), ip, svc.port(), timeout(p.getValue()));
                    memo.results.put(p.getKey(), r);
                    memo.due.put(p.getKey(), now.plus(p.getValue().interval()));
                    if (r.status() > 0) {
                        series.put(SeriesKey.of(FEED, subject + "." + p.getKey() + "_ms"), (double) r.millis());
                    }
                    series.put(SeriesKey.of(FEED, subject + "." + p.getKey() + ".ok"), r.ok() ? 1.0 : 0.0);
                }
            }
        } else {
            memo.results.clear();
        }
        memo.passed |= "healthy".equals(dockerStatus);
        HealthEvaluator.Verdict v = HealthEvaluator.judge(running, dockerStatus, dockerLog, memo.results, memo.passed, age,
                svc.health().timeout());
        memo.passed |= v.state() == HealthState.HEALTHY;
        if (memo.state != null && memo.state != v.state()) {
            transition(new HealthTransition(now, service, color, memo.state, v.state(), v.cause()));
        }
        memo.state = v.state();
        if (c != null) {
            series.put(SeriesKey.of(FEED, subject + ".ok"), v.state() == HealthState.HEALTHY ? 1.0 : 0.0);
        }
        return new ColorHealth(service, color, v.state(), dockerStatus, dockerLog, memo.results, v.cause());
    }

    private void transition(HealthTransition t) {
        history.addLast(t);
        while (history.size() > HISTORY) {
            history.removeFirst();
        }
        LOG.info("health {}: {}{}", spec.name(), t.label(), t.cause().isEmpty() ? "" : " (" + t.cause() + ")");
        timeline.mark(new Marker(t.at(), MarkerKind.HEALTH_CHANGE, spec.name(), t.label(), t.cause()));
    }

    private InspectContainerResponse inspect(String name) {
        try {
            return docker.inspectContainerCmd(name).exec();
        } catch (NotFoundException e) {
            return null;
        }
    }

    private static String dockerHealth(InspectContainerResponse c) {
        var h = c.getState().getHealth();
        return h == null || h.getStatus() == null ? "none" : h.getStatus();
    }

    /** Docker keeps the last five checks; each as "exit N: first line of its output". */
    private static List<String> dockerLog(InspectContainerResponse c) {
        var h = c.getState().getHealth();
        if (h == null || h.getLog() == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (var l : h.getLog()) {
            String text = l.getOutput() == null ? "" : l.getOutput().strip();
            int nl = text.indexOf('\n');
            out.add("exit " + l.getExitCodeLong() + ": " + (nl < 0 ? text : text.substring(0, nl)));
        }
        return out;
    }

    private static java.util.Optional<Instant> startedAt(InspectContainerResponse c) {
        try {
            return java.util.Optional.of(Instant.parse(c.getState().getStartedAt()));
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static String ipOn(InspectContainerResponse c, String network) {
        Map<String, ContainerNetwork> nets = c.getNetworkSettings().getNetworks();
        ContainerNetwork n = nets == null ? null : nets.get(network);
        if (n != null && n.getIpAddress() != null && !n.getIpAddress().isEmpty()) {
            return n.getIpAddress();
        }
        return c.getNetworkSettings().getIpAddress();
    }

    private static Duration timeout(ProbeSpec p) {
        Duration t = p.interval().compareTo(MAX_PROBE_TIMEOUT) < 0 ? p.interval() : MAX_PROBE_TIMEOUT;
        return t.compareTo(Duration.ofMillis(200)) < 0 ? Duration.ofMillis(200) : t;
    }

    private void publish(HealthSnapshot s) {
        current = s;
        for (Consumer<? super HealthSnapshot> l : listeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                LOG.warn("health {}: a listener failed: {}", spec.name(), e.toString());
            }
        }
    }
}
