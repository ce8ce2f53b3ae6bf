package io.turnout.router;

import io.turnout.testing.Poll;

import io.turnout.router.RoutingTable.ServiceRoute;
import io.turnout.router.TrafficLoop.Mode;
import io.turnout.stack.Color;
import io.turnout.stack.StackSpec;
import io.turnout.stack.StackSpec.RouterKind;
import io.turnout.target.PortReach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import static io.turnout.stack.Color.BLUE;
import static io.turnout.stack.Color.GREEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link HaproxyRouter} against the sandbox dockerd, with the fixture app as blue and green. */
class HaproxyRouterIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final RoutingTable BLUE_LIVE = new RoutingTable(Map.of("web", ServiceRoute.allTo(BLUE)), false);
    private static final RoutingTable GREEN_LIVE = new RoutingTable(Map.of("web", ServiceRoute.allTo(GREEN)), false);

    private RouterSandbox sandbox;
    private StackSpec spec;
    private HaproxyRouter router;

    @BeforeEach
    void deployWithBlueLive() {
        sandbox = new RouterSandbox();
        spec = sandbox.spec(RouterKind.HAPROXY);
        sandbox.ensureNetwork(spec);
        sandbox.runColor(spec, "web", BLUE, "turnout-fixture/app:v1");
        router = new HaproxyRouter(sandbox.docker(), PortReach.LOCAL, spec);
        router.deploy(spec, BLUE_LIVE); // green does not exist yet: HAProxy must start anyway
        RouterAssertions.awaitServes(router.publicAddress(), "v1", "blue");
    }

    @AfterEach
    void cleanUp() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void switchUnderFixedRateLoadFailsNoRequestAndSwitchesBack() throws Exception {
        sandbox.runColor(spec, "web", GREEN, "turnout-fixture/app:v2");
        RouterAssertions.awaitServes(router.previewAddress("web"), "v2", "green");
        assertThat(router.current()).isEqualTo(BLUE_LIVE);
        assertThat(router.diff(GREEN_LIVE)).containsExactly("web: green weight 0 → 100 (ready)",
                "web: blue weight 100 → 0 (drain)", "web preview: green → blue");

        SwitchRun run = SwitchRun.through(router.publicAddress(), () -> router.apply(GREEN_LIVE), () -> router.apply(BLUE_LIVE));

        run.print("haproxy runtime-API switch");
        run.assertNoFailures();
        run.assertSwitched("v1", "v2");
        assertThat(router.current()).isEqualTo(BLUE_LIVE);
        assertThat(router.diff(BLUE_LIVE)).isEmpty();
    }

    @Test
    void idleKeepAliveConnectionsSurviveASwitchAndReachTheNewColor() throws IOException {
        sandbox.runColor(spec, "web", GREEN, "turnout-fixture/app:v2");
        RouterAssertions.awaitServes(router.previewAddress("web"), "v2", "green");

        IdleConnections.Result r = IdleConnections.across(router.publicAddress(), 20, () -> router.apply(GREEN_LIVE));

        System.out.printf("[measure] haproxy runtime-API switch: %s%n", r);
        assertThat(r.closed()).as(r.toString()).isZero();
        assertThat(r.answeredBy()).isEqualTo(Map.of("200 v2", 20));
    }

    @Test
    void maintenanceAnswers503WithThePageUntilSwitchedOff() throws IOException {
        router.apply(BLUE_LIVE.withMaintenance(true));

        RawHttp.Response r = RawHttp.once(router.publicAddress(), "/", "127.0.0.1");
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.header("content-type")).startsWith("text/html");
        assertThat(r.body()).contains("Down for maintenance");
        assertThat(router.current().maintenance()).isTrue();
        assertThat(router.diff(BLUE_LIVE)).containsExactly("maintenance on → off");

        router.apply(BLUE_LIVE);
        assertThat(RawHttp.once(router.publicAddress(), "/", "127.0.0.1").status()).isEqualTo(200);
    }

    @Test
    void restartOfTheRouterContainerKeepsTheRouting() throws IOException {
        sandbox.runColor(spec, "web", GREEN, "turnout-fixture/app:v2");
        RoutingTable desired = GREEN_LIVE.withMaintenance(false);
        router.apply(desired);
        String before = sandbox.docker().inspectContainerCmd(spec.routerContainerName()).exec().getId();

        sandbox.docker().restartContainerCmd(spec.routerContainerName()).withTimeout(10).exec();

        Poll.until(WAIT, "runtime API after restart", router::healthy, ok -> ok);
        assertThat(router.current()).isEqualTo(desired);
        RouterAssertions.awaitServes(router.publicAddress(), "v2", "green");
        RouterAssertions.awaitServes(router.previewAddress("web"), "v1", "blue");
        assertThat(sandbox.docker().inspectContainerCmd(spec.routerContainerName()).exec().getId()).isEqualTo(before);
    }

    @Test
    void rejectedConfigThrowsAndLeavesTheRoutingAsItWas() throws IOException {
        sandbox.runColor(spec, "web", GREEN, "turnout-fixture/app:v2");
        router.configHook(cfg -> cfg.replace("    balance roundrobin\n", "    balance roundrobin\n    no-such-directive on\n"));

        assertThatThrownBy(() -> router.apply(GREEN_LIVE))
                .isInstanceOf(RouterException.class)
                .hasMessageContaining("HAProxy rejected the new config")
                .hasMessageContaining("no-such-directive");

        assertThat(router.current()).isEqualTo(BLUE_LIVE);
        RouterAssertions.assertServes(router.publicAddress(), "v1", "blue");
        router.configHook(cfg -> cfg);
        router.apply(GREEN_LIVE); // nothing half-staged is left in the way
        RouterAssertions.awaitServes(router.publicAddress(), "v2", "green");
    }

    @Test
    void runtimeApiRefusesOtherContainersOnTheStackNetwork() {
        RouterContainer app = new RouterContainer(sandbox.docker(), spec.containerName("web", BLUE));
        String fromApp = app.exec("/bin/sh", "-c", "echo 'show info' | /bin/busybox nc -w 3 "
                + spec.routerContainerName() + " 9999; echo exit=$?").output();

        String control = app.exec("/bin/sh", "-c", "printf 'GET /health HTTP/1.0\\r\\n\\r\\n' | /bin/busybox nc -w 3 "
                + spec.routerContainerName() + " 8404").output();

        assertThat(control).as("the app reaches the router's stats port").contains("200").endsWith("ok");
        assertThat(fromApp).doesNotContain("Name: HAProxy");
        assertThat(router.healthy()).isTrue(); // through the published port on the host's 127.0.0.1
    }

    @Test
    void checksReportABrokenColorDownAndTheLiveOneUp() {
        sandbox.runColor(spec, "web", GREEN, "turnout-fixture/app:broken");

        Map<Color, BackendCheck> web = Poll.until(WAIT, "green DOWN in checks()", () -> router.checks().get("web"),
                m -> m.containsKey(GREEN) && m.get(GREEN).status().equals("DOWN")
                        && String.valueOf(m.get(GREEN).lastCheck()).startsWith("L7STS/500"));

        assertThat(web.get(GREEN).up()).isFalse();
        assertThat(web.get(GREEN).weight()).isZero();
        assertThat(web.get(BLUE).status()).isEqualTo("UP");
        assertThat(web.get(BLUE).weight()).isEqualTo(100);
        assertThat(web.get(BLUE).sessions()).isGreaterThanOrEqualTo(0);
        assertThat(router.healthy()).isTrue();
    }

    @Test
    void deployAgainReloadsInPlaceWithoutFailingARequestAndRemoveRemovesIt() throws Exception {
        String id = sandbox.docker().inspectContainerCmd(spec.routerContainerName()).exec().getId();
        StackSpec longerDrain = new StackSpec(spec.name(), new StackSpec.RouterSpec(spec.router().kind(), 0, "127.0.0.1",
                spec.router().image(), Duration.ofSeconds(7)), spec.services());

        TrafficLoop loop = new TrafficLoop(router.publicAddress(), Mode.FRESH_CONNECTIONS, 40, 400, Duration.ofSeconds(15)).start();
        Poll.until(WAIT, "traffic flowing", loop::count, n -> n >= 20);
        router.deploy(longerDrain, BLUE_LIVE);
        int atReload = loop.count();
        Poll.until(WAIT, "traffic after the reload", loop::count, n -> n >= atReload + 20);
        TrafficLoop.Summary s = loop.finish();

        System.out.printf("[measure] haproxy reload (deploy with a changed spec): %s%n", s);
        assertThat(s.errors()).as(s.toString()).isZero();
        assertThat(s.non2xx()).as(s.toString()).isZero();
        assertThat(sandbox.docker().inspectContainerCmd(spec.routerContainerName()).exec().getId()).isEqualTo(id);
        assertThat(router.current()).isEqualTo(BLUE_LIVE);
        assertThat(new RouterContainer(sandbox.docker(), spec.routerContainerName())
                .exec("/bin/busybox", "grep", "hard-stop-after", "/usr/local/etc/haproxy/haproxy.cfg").output()).contains("7000ms");
        assertThat(router.exists()).isTrue();
        router.remove();
        assertThat(router.exists()).isFalse();
    }
}
