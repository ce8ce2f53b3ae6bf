package io.turnout.release;

import io.turnout.alert.AlertEngine;
import io.turnout.alert.AlertNotifier;
import io.turnout.alert.AlertRules;
import io.turnout.db.DbActivityFeed;
import io.turnout.db.DbActivitySampler;
import io.turnout.db.DbConnector;
import io.turnout.db.DbUrl;
import io.turnout.health.ContainerReach;
import io.turnout.health.HealthFeed;
import io.turnout.stack.StackRepository;
import io.turnout.stack.StackSpec;
import io.turnout.timeline.Timeline;
import io.turnout.timeline.TimelineSource;
import io.turnout.traffic.TrafficFeed;
import io.turnout.traffic.TrafficFeeds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The feeds that fill one stack's {@link Timeline} while its dashboard shows: the health feed (Docker
 * health and HTTP probes per color), for an HAProxy router the traffic feed (stats and access log per color), the alert rules over the timeline, and the
 * database feed once a database URL is known. Starting reads the stack's definition and opens
 * connections, so {@link #start()} and {@link #stop()} only queue the work on the feeds' own thread
 * and return at once (they are called from the FX thread). Counts starts: two views share the feeds.
 */
public final class StackFeeds implements TimelineSource {

    private static final Logger LOG = LoggerFactory.getLogger(StackFeeds.class);
    static final Duration INTERVAL = Duration.ofSeconds(1);

    private final java.util.function.Supplier<StackHost> hosts;
    private final String stack;
    private final Timeline timeline;
    private final Clock clock;
    private final java.util.function.Supplier<DbConnector> db;
    private final java.util.function.Supplier<ContainerReach> containers;
    private final List<AlertNotifier> notifiers;
    private StackHost host;
    private final ExecutorService worker;
    private final List<AutoCloseable> running = new ArrayList<>();
    private int users;
    private DbUrl database;

    /**
     * @param host opens the stack's host (SFTP, tunnels): blocking, so called on the feeds' thread, once
     * @param db   how the database is reached (directly, or through the host's SSH session)
     * @param containers how the health probes reach containers on the stack network
     * @param notifiers besides the timeline's ALERT markers, where alerts go (e.g. the webhook)
     */
    public StackFeeds(java.util.function.Supplier<StackHost> host, String stack, Timeline timeline, Clock clock,
                      java.util.function.Supplier<DbConnector> db, java.util.function.Supplier<ContainerReach> containers,
                      List<AlertNotifier> notifiers) {
        this.containers = containers;
        this.notifiers = List.copyOf(notifiers);
        this.hosts = host;
        this.stack = stack;
        this.timeline = timeline;
        this.clock = clock;
        this.db = db;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "stack-feeds-" + stack);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public synchronized void start() {
        if (users++ == 0) {
            worker.execute(this::startAll);
        }
    }

    @Override
    public synchronized void stop() {
        if (users > 0 && --users == 0) {
            worker.execute(this::stopAll);
        }
    }

    /** Samples this database too (typed into the dashboard); restarts the feeds when they run. */
    public synchronized void database(DbUrl url) {
        database = url;
        if (users > 0) {
            worker.execute(() -> {
                stopAll();
                startAll();
            });
        }
    }

    private void startAll() {
        try {
            if (host == null) {
                host = hosts.get();
            }
            StackSpec spec = new StackRepository(host.store(), stack, clock).spec().orElse(null);
            if (spec != null) {
                TrafficFeed traffic = TrafficFeeds.forStack(host.docker(), host.ports(), spec, timeline, clock);
                traffic.start();
                running.add(traffic);
                HealthFeed health = new HealthFeed(spec, host.docker(), containers.get(), timeline, clock, INTERVAL);
                health.start();
                running.add(health);
            }
            DbUrl url = currentDatabase();
            if (url == null && spec != null && spec.database() != null) {
                url = DbUrl.parse(spec.database().url()); // turnout.yml's database: section, as the host sees it
            }
            if (url != null) {
                DbActivitySampler sampler = new DbActivitySampler(db.get(), url, clock);
                DbActivityFeed feed = new DbActivityFeed(sampler, INTERVAL, timeline);
                feed.start();
                running.add(feed);
                running.add(sampler);
            }
            AlertEngine alerts = new AlertEngine(stack, timeline, AlertRules.defaults(), notifiers);
            alerts.start(INTERVAL);
            running.add(alerts);
        } catch (RuntimeException e) {
            LOG.warn("dashboard {}: cannot start its feeds: {}", stack, e.getMessage());
        }
    }

    private synchronized DbUrl currentDatabase() {
        return database;
    }

    private void stopAll() {
        for (AutoCloseable c : running.reversed()) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("dashboard {}: stopping a feed: {}", stack, e.getMessage());
            }
        }
        running.clear();
    }
}
