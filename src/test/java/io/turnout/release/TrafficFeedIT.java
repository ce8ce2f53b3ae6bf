package io.turnout.release;

import com.sun.net.httpserver.HttpServer;
import io.turnout.alert.Alert;
import io.turnout.alert.AlertEngine;
import io.turnout.alert.AlertRules;
import io.turnout.alert.WebhookNotifier;
import io.turnout.connect.StackHosts;
import io.turnout.plan.PlanResult;
import io.turnout.plan.RunOptions;
import io.turnout.router.HaproxyRouter;
import io.turnout.router.RoutingTable;
import io.turnout.router.RoutingTable.ServiceRoute;
import io.turnout.stack.Color;
import io.turnout.stack.StackSpec;
import io.turnout.timeline.Marker;
import io.turnout.timeline.MarkerKind;
import io.turnout.timeline.SeriesData;
import io.turnout.timeline.SeriesKey;
import io.turnout.timeline.Timeline;
import io.turnout.testing.FeedWait;
import io.turnout.traffic.ColorTraffic;
import io.turnout.traffic.TrafficFeed;
import io.turnout.traffic.TrafficFeeds;
import io.turnout.traffic.TrafficSnapshot;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The traffic proof: blue v1 and green {@code :errors} (every page a 500) behind the real
 * HAProxy router at weights 70/30, a bounded number of requests to the public port on 127.0.0.1;
 * the feed's per-color totals equal what the client received (from the router's stats counters),
 * shares match within a small tolerance, 5xx are counted for green only, p95 comes from the access
 * log, and the 5xx-rate alert reaches a webhook on 127.0.0.1.
 */
class TrafficFeedIT {

    private static final Logger LOG = LoggerFactory.getLogger(TrafficFeedIT.class);
    private static final int REQUESTS = 3000;
    private static final int CLIENTS = 6;

    @Test
    void perColorCountsMatchTheRequestsSentAt70To30() throws Exception {
        BlockingQueue<String> webhook = new ArrayBlockingQueue<>(16);
        HttpServer hook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hook.createContext("/hook", ex -> {
            webhook.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        hook.start();
        try (StackFixture f = new StackFixture().applied("haproxy")) {
            PlanResult up = f.ops.execute(f.ops.planUpgrade(new UpgradeRequest(null, "turnout-fixture/app:errors", null, null,
                    false, false, false)), RunOptions.simple("it"));
            assertThat(up.succeeded()).as("green with :errors: %s", up.error()).isTrue();

            StackHost host = StackHosts.of(f.host);
            StackSpec spec = f.spec("haproxy");
            HaproxyRouter router = new HaproxyRouter(host.docker(), host.ports(), spec);
            router.apply(new RoutingTable(Map.of("web", new ServiceRoute(Map.of(Color.BLUE, 70, Color.GREEN, 30), null)), false));

            Timeline timeline = new Timeline(Clock.systemUTC());
            URI hookUrl = URI.create("http://127.0.0.1:" + hook.getAddress().getPort() + "/hook");
            try (TrafficFeed feed = TrafficFeeds.forStack(host.docker(), host.ports(), spec, timeline, Clock.systemUTC());
                 AlertEngine alerts = new AlertEngine(f.name, timeline, AlertRules.defaults(),
                         List.of(new WebhookNotifier(hookUrl, Duration.ofSeconds(3))))) {
                feed.start();
                FeedWait.until(feed, Duration.ofSeconds(15), "the feed's baseline read",
                        s -> s.error() == null && s.of("web", Color.BLUE) != null && s.of("web", Color.GREEN) != null);
                alerts.start(Duration.ofSeconds(1));

                Map<Color, AtomicLong> seen = new EnumMap<>(Map.of(Color.BLUE, new AtomicLong(), Color.GREEN, new AtomicLong()));
                Map<Color, AtomicLong> seen5xx = new EnumMap<>(Map.of(Color.BLUE, new AtomicLong(), Color.GREEN, new AtomicLong()));
                Map<Color, java.util.Set<String>> versions = new java.util.concurrent.ConcurrentHashMap<>();
                send(f.publicPort, seen, seen5xx, versions);
                assertThat(versions).as("the version each color's responses reported")
                        .isEqualTo(Map.of(Color.BLUE, java.util.Set.of("v1"), Color.GREEN, java.util.Set.of("errors")));
                long blue = seen.get(Color.BLUE).get();
                long green = seen.get(Color.GREEN).get();
                LOG.info("client saw blue={} green={} green5xx={}", blue, green, seen5xx.get(Color.GREEN).get());
                assertThat(blue + green).as("every response names its color").isEqualTo(REQUESTS);

                TrafficSnapshot s = FeedWait.until(feed, Duration.ofSeconds(15), "the feed to count all requests", x ->
                        x.of("web", Color.BLUE) != null && x.of("web", Color.GREEN) != null
                                && x.of("web", Color.BLUE).totalRequests() + x.of("web", Color.GREEN).totalRequests() >= REQUESTS);
                ColorTraffic b = s.of("web", Color.BLUE);
                ColorTraffic g = s.of("web", Color.GREEN);
                assertThat(b.totalRequests()).as("blue requests by the router's counters").isEqualTo(blue);
                assertThat(g.totalRequests()).as("green requests by the router's counters").isEqualTo(green);
                assertThat(g.total5xx()).as("green 5xx").isEqualTo(seen5xx.get(Color.GREEN).get()).isEqualTo(green);
                assertThat(b.total5xx()).as("blue 5xx").isZero();
                assertThat((double) b.totalRequests() / REQUESTS).as("blue's share").isCloseTo(0.70, within(0.02));

                var slice = timeline.last(Duration.ofMinutes(5));
                SeriesData p95 = slice.series().get(SeriesKey.of("traffic", "web.blue.p95_ms"));
                assertThat(p95).as("p95 of blue from the access log").isNotNull();
                assertThat(p95.size()).isPositive();
                SeriesData shares = slice.series().get(SeriesKey.of("traffic", "web.green.share"));
                assertThat(shares.size()).isPositive();

                String body = webhook.poll(20, TimeUnit.SECONDS);
                assertThat(body).as("the 5xx-rate alert's webhook").isNotNull().contains("5xx-rate").contains("web.green");
                assertThat(alerts.active()).extracting(Alert::subject).contains("web.green");
                assertThat(timeline.last(Duration.ofMinutes(5)).markers()).extracting(Marker::kind).contains(MarkerKind.ALERT);
            }
        } finally {
            hook.stop(0);
        }
    }

    /**
     * nginx keeps no per-upstream counters: the feed counts the access log the nginx.conf Turnout
     * writes. Blue v1 serves, then green {@code :errors} (switched by the router directly: a
     * switch plan's probe would refuse a color that answers 500); the feed's per-color counts and
     * 5xx equal what the client saw, and blue's latency percentiles come from the same log.
     */
    @Test
    void nginxCountsPerColorFromItsAccessLog() throws Exception {
        try (StackFixture f = new StackFixture().applied("nginx")) {
            PlanResult up = f.ops.execute(f.ops.planUpgrade(new UpgradeRequest(null, "turnout-fixture/app:errors", null, null,
                    false, false, false)), RunOptions.simple("it"));
            assertThat(up.succeeded()).as("green with :errors on standby: %s", up.error()).isTrue();
            StackHost host = StackHosts.of(f.host);
            StackSpec spec = f.spec("nginx");
            Timeline timeline = new Timeline(Clock.systemUTC());
            try (TrafficFeed feed = TrafficFeeds.forStack(host.docker(), host.ports(), spec, timeline, Clock.systemUTC())) {
                feed.start();
                FeedWait.until(feed, Duration.ofSeconds(15), "the feed's baseline read", s -> s.error() == null);
                // The log is followed from "now": one request per poll until the feed has counted one (it is
                // attached), then until two ticks in a row count nothing new (every warm-up line has arrived).
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
                HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + f.publicPort + "/")).timeout(Duration.ofSeconds(10)).build();
                io.turnout.testing.Poll.until(Duration.ofSeconds(30), "nginx's access log followed by the feed", () -> {
                    try {
                        http.send(get, HttpResponse.BodyHandlers.discarding());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    return total(feed, Color.BLUE);
                }, n -> n > 0);
                long[] last = {-1};
                int[] unchanged = {0};
                long blueBefore = FeedWait.until(feed, Duration.ofSeconds(15), "the warm-up requests counted", x -> {
                    long n = x.of("web", Color.BLUE) == null ? 0 : x.of("web", Color.BLUE).totalRequests();
                    unchanged[0] = n == last[0] ? unchanged[0] + 1 : 0;
                    last[0] = n;
                    return unchanged[0] >= 2;
                }).of("web", Color.BLUE).totalRequests();

                Map<Color, AtomicLong> seen = new EnumMap<>(Map.of(Color.BLUE, new AtomicLong(), Color.GREEN, new AtomicLong()));
                Map<Color, AtomicLong> seen5xx = new EnumMap<>(Map.of(Color.BLUE, new AtomicLong(), Color.GREEN, new AtomicLong()));
                Map<Color, java.util.Set<String>> versions = new java.util.concurrent.ConcurrentHashMap<>();
                send(f.publicPort, seen, seen5xx, versions);
                assertThat(seen.get(Color.BLUE).get()).isEqualTo(REQUESTS);
                FeedWait.until(feed, Duration.ofSeconds(15), "blue's requests counted",
                        s -> s.of("web", Color.BLUE).totalRequests() == blueBefore + REQUESTS);

                new io.turnout.router.NginxRouter(host.docker(), host.ports(), spec)
                        .apply(new RoutingTable(Map.of("web", new ServiceRoute(Map.of(Color.BLUE, 0, Color.GREEN, 100), Color.BLUE)), false));
                seen.values().forEach(c -> c.set(0));
                send(f.publicPort, seen, seen5xx, versions);
                assertThat(seen.get(Color.GREEN).get()).isEqualTo(REQUESTS);
                assertThat(seen5xx.get(Color.GREEN).get()).isEqualTo(REQUESTS);

                TrafficSnapshot s = FeedWait.until(feed, Duration.ofSeconds(15), "green's requests counted",
                        x -> x.of("web", Color.GREEN) != null && x.of("web", Color.GREEN).totalRequests() >= REQUESTS);
                assertThat(s.of("web", Color.GREEN).totalRequests()).as("green requests from nginx's log").isEqualTo(REQUESTS);
                assertThat(s.of("web", Color.GREEN).total5xx()).as("green 5xx from nginx's log").isEqualTo(REQUESTS);
                assertThat(s.of("web", Color.BLUE).totalRequests()).as("blue's count, unchanged by the switch").isEqualTo(blueBefore + REQUESTS);
                assertThat(s.of("web", Color.BLUE).total5xx()).isZero();
                var slice = timeline.last(Duration.ofMinutes(5));
                assertThat(slice.series().get(SeriesKey.of("traffic", "web.blue.p95_ms"))).as("blue p95 from nginx's log").isNotNull();
                assertThat(slice.series()).as("sessions: nginx does not know them per color, so no made-up series")
                        .doesNotContainKey(SeriesKey.of("traffic", "web.blue.sessions"));
            }
        }
    }

    private static long total(TrafficFeed feed, Color color) {
        ColorTraffic t = feed.current().of("web", color);
        return t == null ? 0 : t.totalRequests();
    }

    /** {@value #REQUESTS} GETs of / from {@value #CLIENTS} keep-alive clients, counted by the color the router names. */
    private static void send(int port, Map<Color, AtomicLong> seen, Map<Color, AtomicLong> seen5xx,
                             Map<Color, java.util.Set<String>> versions) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).timeout(Duration.ofSeconds(10)).build();
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int c = 0; c < CLIENTS; c++) {
                pool.submit(() -> {
                    while (next.getAndIncrement() < REQUESTS) {
                        HttpResponse<Void> r = http.send(get, HttpResponse.BodyHandlers.discarding());
                        Color color = Color.parse(r.headers().firstValue("X-Turnout-Color").orElseThrow());
                        versions.computeIfAbsent(color, k -> java.util.concurrent.ConcurrentHashMap.newKeySet())
                                .add(r.headers().firstValue("X-Turnout-Version").orElse("?"));
                        seen.get(color).incrementAndGet();
                        if (r.statusCode() >= 500) {
                            seen5xx.get(color).incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).as("the requests finished").isTrue();
        }
    }
}
