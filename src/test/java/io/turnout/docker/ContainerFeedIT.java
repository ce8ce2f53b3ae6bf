package io.turnout.docker;

import io.turnout.feed.ValueFeed;
import io.turnout.target.ConnectionState;
import io.turnout.target.TargetUri;
import io.turnout.testing.FeedWait;
import io.turnout.testing.Sandbox;
import io.turnout.testing.SandboxContainers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The live container feed against the sandbox's real dockerd (local unix socket). */
class ContainerFeedIT {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerFeedIT.class);
    private static final String APP = "turnout-fixture/app:v1";

    private EngineClients admin;
    private SandboxContainers containers;
    private ValueFeed<ConnectionState> connection;
    private EngineDockerHost host;
    private ContainerFeed feed;

    @BeforeEach
    void open() {
        TargetUri target = TargetUri.parse(Sandbox.dockerHost());
        DockerClients factory = DockerClients.withDefaults();
        admin = factory.forTarget(target);
        containers = new SandboxContainers(admin.api());
        connection = new ValueFeed<>(new ConnectionState.Connected(Duration.ZERO));
        host = new EngineDockerHost(factory.forTarget(target), target, connection, false,
                new ContainerMapper(new SecretMasker()), ContainerFeed.Settings.defaults());
        feed = host.containers();
    }

    @AfterEach
    void cleanUp() {
        if (host != null) {
            host.close();
        }
        if (containers != null) {
            containers.close();
            admin.close();
        }
    }

    @Test
    void outOfBandDockerRunAppearsInTheSnapshotWithinOneSecond() {
        startAndAwaitFirstSnapshot();
        long t0 = System.nanoTime();
        String id = containers.cliRun(APP);
        long ran = System.nanoTime();
        ContainerSnapshot s = FeedWait.until(feed, Duration.ofSeconds(1), "container " + id + " in the feed",
                snap -> snap.byId(id).isPresent());
        long seen = System.nanoTime();
        LOG.info("LATENCY out-of-band docker run: visible {} ms after the CLI returned ({} ms after it was invoked); "
                        + "event→snapshot {} ms", (seen - ran) / 1_000_000, (seen - t0) / 1_000_000,
                feed.lastEventLatency() == null ? "?" : feed.lastEventLatency().toMillis());
        ContainerRow row = s.byId(id).orElseThrow();
        assertThat(row.image()).isEqualTo(APP);
        assertThat(row.name()).doesNotStartWith("/");
        assertThat(s.lastEventAt()).isAfter(Instant.EPOCH);
    }

    @Test
    void healthGoesFromStartingToHealthy() {
        startAndAwaitFirstSnapshot();
        String id = containers.cliRun("turnout-fixture/app:slow");
        FeedWait.until(feed, Duration.ofSeconds(5), "health starting",
                s -> s.byId(id).map(r -> r.health() == Health.STARTING).orElse(false));
        long t0 = System.nanoTime();
        ContainerSnapshot healthy = FeedWait.until(feed, Duration.ofSeconds(30), "health healthy",
                s -> s.byId(id).map(r -> r.health() == Health.HEALTHY).orElse(false));
        LOG.info("LATENCY health_status event→snapshot {} ms (starting→healthy took {} ms)",
                feed.lastEventLatency().toMillis(), (System.nanoTime() - t0) / 1_000_000);
        ContainerRow row = healthy.byId(id).orElseThrow();
        assertThat(row.status()).isEqualTo("Up (healthy)");
        assertThat(row.startedAt()).isNotNull();
    }

    @Test
    void destroyRemovesTheRow() {
        startAndAwaitFirstSnapshot();
        String id = containers.cliRun(APP);
        FeedWait.until(feed, Duration.ofSeconds(2), "created", s -> s.byId(id).isPresent());
        long t0 = System.nanoTime();
        containers.cliRemove(id);
        long removed = System.nanoTime();
        FeedWait.until(feed, Duration.ofSeconds(1), "removed", s -> s.byId(id).isEmpty());
        LOG.info("LATENCY docker rm -f: gone from the snapshot {} ms after the CLI returned ({} ms after invoked)",
                (System.nanoTime() - removed) / 1_000_000, (System.nanoTime() - t0) / 1_000_000);
    }

    @Test
    void stopThenStartResyncsWhatChangedWhileStopped() {
        String before = containers.cliRun(APP);
        startAndAwaitFirstSnapshot();
        FeedWait.until(feed, Duration.ofSeconds(2), "pre-existing container listed", s -> s.byId(before).isPresent());

        feed.stop();
        assertThat(feed.streamState().current()).isEqualTo(ContainerFeed.StreamState.STOPPED);
        long seqWhileStopped = feed.current().seq();
        containers.cliRemove(before);
        String during = containers.cliRun(APP);
        assertThat(feed.current().seq()).as("no snapshots while stopped").isEqualTo(seqWhileStopped);

        feed.start();
        FeedWait.until(feed, Duration.ofSeconds(3), "resync after start",
                s -> s.byId(during).isPresent() && s.byId(before).isEmpty());
    }

    @Test
    void cutStreamResumesWithSinceAndMissesNothingFromTheGap() {
        String keep = containers.cliRun(APP);
        startAndAwaitFirstSnapshot();
        String gone = containers.cliRun(APP);
        FeedWait.until(feed, Duration.ofSeconds(2), "both containers", s -> s.byId(keep).isPresent() && s.byId(gone).isPresent());
        Instant lastBeforeCut = feed.lastEventAt();
        assertThat(lastBeforeCut).isNotNull();

        // the link drops (as the SSH layer would report it) and the stream breaks
        connection.publish(new ConnectionState.Reconnecting(1, "test: link cut"));
        feed.cutStream();
        FeedWait.until(feed.streamState(), Duration.ofSeconds(2), "stream down",
                st -> st == ContainerFeed.StreamState.WAITING_TO_RETRY);

        String created = containers.cliRun(APP); // happens while nobody is listening
        containers.cliRemove(gone);
        assertThat(feed.current().byId(created)).as("nothing seen while the stream is down").isEmpty();

        long t0 = System.nanoTime();
        connection.publish(new ConnectionState.Connected(Duration.ofMillis(1)));
        ContainerSnapshot after = FeedWait.until(feed, Duration.ofSeconds(3), "gap caught up",
                s -> s.byId(created).isPresent() && s.byId(gone).isEmpty());
        LOG.info("LATENCY resume after reconnect: gap caught up {} ms after Connected; resumed with since={}",
                (System.nanoTime() - t0) / 1_000_000, feed.lastSince());
        assertThat(feed.lastSince()).isEqualTo(DockerTime.sinceParam(lastBeforeCut));
        assertThat(after.byId(keep)).isPresent();
        assertThat(feed.lastEventAt()).isAfter(lastBeforeCut);
        FeedWait.until(feed.streamState(), Duration.ofSeconds(2), "live again", st -> st == ContainerFeed.StreamState.LIVE);
    }

    @Test
    void streamCutWhileConnectedRetriesByItself() {
        startAndAwaitFirstSnapshot();
        feed.cutStream();
        FeedWait.until(feed.streamState(), Duration.ofSeconds(2), "stream noticed the cut",
                st -> st != ContainerFeed.StreamState.LIVE);
        FeedWait.until(feed.streamState(), Duration.ofSeconds(5), "live again", st -> st == ContainerFeed.StreamState.LIVE);
        String id = containers.cliRun(APP);
        FeedWait.until(feed, Duration.ofSeconds(1), "new container after retry", s -> s.byId(id).isPresent());
    }

    private void startAndAwaitFirstSnapshot() {
        feed.start();
        FeedWait.until(feed, Duration.ofSeconds(5), "first snapshot", s -> s.seq() >= 1);
        FeedWait.until(feed.streamState(), Duration.ofSeconds(5), "live", st -> st == ContainerFeed.StreamState.LIVE);
    }
}
