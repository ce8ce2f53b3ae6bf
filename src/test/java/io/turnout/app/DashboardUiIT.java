package io.turnout.app;

import io.turnout.testing.Screenshots;
import io.turnout.activity.ActivityLog;
import io.turnout.connect.DefaultHostConnector;
import io.turnout.connect.LazyDockerHost;
import io.turnout.connect.StackHosts;
import io.turnout.docker.DockerHost;
import io.turnout.docker.DockerHostFactory;
import io.turnout.plan.PlanResult;
import io.turnout.plan.RunOptions;
import io.turnout.profile.ProfileStore;
import io.turnout.release.DockerStackOperations;
import io.turnout.release.StackOperations;
import io.turnout.release.UpgradeRequest;
import io.turnout.ssh.HostKeyPrompt;
import io.turnout.ssh.SecretPrompt;
import io.turnout.ssh.SshConfigFile;
import io.turnout.ssh.SshOptions;
import io.turnout.stack.Color;
import io.turnout.stack.StackSpecs;
import io.turnout.testing.Sandbox;
import io.turnout.timeline.Marker;
import io.turnout.timeline.MarkerKind;
import io.turnout.timeline.Timelines;
import io.turnout.ui.common.FxTaskRunner;
import io.turnout.ui.dashboard.ChartModel;
import io.turnout.ui.dashboard.DashboardController;
import io.turnout.ui.dashboard.DashboardModel;
import io.turnout.ui.dashboard.TimeSeriesChart;
import io.turnout.ui.shell.Shell;
import io.turnout.ui.shell.ShellFactory;
import io.turnout.ui.shell.UiStateStore;
import io.turnout.ui.stack.StackController;
import javafx.application.ColorScheme;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real window (Xvfb) wired by the real composition root ({@link AppServices}): a
 * stack on the sandbox host behind HAProxy with blue v1 active and green v2 standby, bounded traffic
 * to its public port on 127.0.0.1, the sandbox PostgreSQL typed into the dashboard. The real feeds
 * fill the stack's timeline (health probes, traffic per color from the router, the database's sessions), and a
 * switch run through the engine's plan while the dashboard is open leaves a SWITCH marker with the
 * probe's proof. Asserts through the chart models; writes {@code docs/images/dashboard.png}.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardUiIT {

    private static final String STACK = "dash" + UUID.randomUUID().toString().substring(0, 4);
    private static final int MAX_REQUESTS = 20_000;
    private static final Duration MAX_TRAFFIC = Duration.ofSeconds(150);

    @TempDir
    static Path home;

    private static int publicPort;
    private static DockerHost setupHost;
    private static DockerStackOperations setup;

    private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicBoolean trafficOn = new AtomicBoolean(true);
    private final AtomicLong sent = new AtomicLong();
    private AppServices services;
    private LazyDockerHost host;
    private Stage stage;

    private static DefaultHostConnector connector(Path profiles) {
        SshConfigFile cfg = SshConfigFile.explicit(Sandbox.sshConfig());
        return new DefaultHostConnector(DockerHostFactory.withDefaults(), cfg,
                SshOptions.defaults(cfg, HostKeyPrompt.rejecting(), SecretPrompt.none()), new ProfileStore(profiles));
    }

    /** Through the engine, as the CLI would: app:v1 on blue behind HAProxy, then v2 on green left standby. */
    @BeforeAll
    static void applyStack() throws IOException {
        publicPort = freePort();
        setupHost = connector(Files.createTempDirectory("turnout-dash-it")).open(Sandbox.host());
        setup = new DockerStackOperations(StackHosts.of(setupHost), STACK, Clock.systemUTC(), 5);
        String yaml = io.turnout.testing.StackYaml.web(STACK, publicPort, "2s", "");
        PlanResult applied = setup.execute(setup.planApply(StackSpecs.parse(yaml)), RunOptions.simple("dash-it"));
        assertThat(applied.succeeded()).as("apply: %s", applied.error()).isTrue();
        PlanResult standby = setup.execute(setup.planUpgrade(new UpgradeRequest("web", "turnout-fixture/app:v2", null, null,
                false, false, false)), RunOptions.simple("dash-it-standby"));
        assertThat(standby.succeeded()).as("green standby: %s", standby.error()).isTrue();
        assertThat(setup.status().services().getFirst().active()).isEqualTo(Color.BLUE);
    }

    @AfterAll
    static void removeStack() {
        if (setup == null) {
            return;
        }
        try {
            setup.lock().ifPresent(l -> setup.forceReleaseLock());
            PlanResult removed = setup.execute(setup.planRemove(), RunOptions.simple("dash-it-cleanup"));
            assertThat(removed.succeeded()).as("remove: %s", removed.error()).isTrue();
        } finally {
            setupHost.close();
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        services = new AppServices(AppDirs.of("Linux", Map.of("TURNOUT_CONFIG_DIR", home.resolve("cfg").toString()), home),
                Map.of(), home, new Timelines(Clock.systemUTC()));
        host = new LazyDockerHost("turnout-sandbox", connector(home.resolve("profiles")), pool);
        host.connect();
        Shell shell = new ShellFactory(List.of(host), new ActivityLog(Clock.systemUTC()), FxTaskRunner.withDaemonPool(),
                new UiStateStore(home.resolve("ui")), java.time.Instant::now, new SimpleObjectProperty<>(ColorScheme.LIGHT), r -> { })
                .withStacks(services::stackOperations)
                .withDashboards(services.dashboardSources())
                .create();
        shell.mount(stage);
        stage.setWidth(1400);
        stage.setHeight(940);
        stage.show();
    }

    @AfterEach
    void stop() {
        trafficOn.set(false);
        host.close();
        pool.shutdown();
    }

    @Test
    void dashboardShowsLiveTrafficAndDatabaseAndMarksARealSwitch(FxRobot robot) throws Exception {
        waitFor(30, () -> sidebarCell(robot, STACK) != null);
        // other tests' stacks come and go on the shared sandbox and the keyed tree may move a row under
        // the pointer: click again until the stack's row is the selected one (bounded by the wait)
        Callable<Boolean> stackSelected = () -> robot.lookup(".sidebar .tree-cell:selected").tryQuery()
                .map(n -> STACK.equals(((TreeCell<?>) n).getText())).orElse(false);
        for (int attempt = 0; attempt < 10 && !io.turnout.testing.FxWait.onFx(stackSelected); attempt++) {
            robot.clickOn(io.turnout.testing.FxWait.onFx(() -> sidebarCell(robot, STACK)));
            WaitForAsyncUtils.waitForFxEvents();
        }
        waitFor(5, stackSelected);
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitFor(30, () -> stackView(robot).isPresent());
        robot.clickOn(robot.lookup(".stack-sections .tab").queryAll().stream()
                .filter(t -> robot.from(t).lookup(".tab-label").queryLabeled().getText().equals("Dashboard")).findFirst().orElseThrow());
        waitFor(10, () -> robot.lookup(".dashboard").query().isVisible() && robot.lookup(".dashboard").query().getScene() != null
                && robot.lookup(".dashboard .text-field").queryAs(TextField.class).isVisible());
        DashboardController dashboard = stackView(robot).orElseThrow().dashboard();
        pool.execute(this::traffic);

        TextField db = robot.lookup(".dashboard .text-field").queryAs(TextField.class);
        robot.interact(() -> db.setText(Sandbox.pgUrl()));
        robot.clickOn(robot.lookup(".dashboard .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals("Watch database")).findFirst().orElseThrow());
        // the typed URL (with its password) leaves the screen; the masked form stays
        waitFor(10, () -> db.getText().isEmpty() && db.getPromptText().startsWith("Watching "));
        assertThat(db.getPromptText()).doesNotContain("turnout-sandbox");

        // live data from the real feeds: requests per second on blue, sessions of the sandbox database
        waitFor(60, () -> last(model(dashboard), "traffic", "traffic/web.blue.rps") > 0
                && last(model(dashboard), "db-connections", "db/connections.max") > 0);

        StackOperations ops = CompletableFuture.supplyAsync(() -> services.stackOperations(host, STACK), pool).get(60, TimeUnit.SECONDS);
        CompletableFuture<PlanResult> switched = CompletableFuture.supplyAsync(
                () -> ops.execute(ops.planSwitch("web", Color.GREEN), RunOptions.simple("dash-it-switch")), pool);
        waitFor(90, () -> model(dashboard).markers().stream().anyMatch(m -> m.kind() == MarkerKind.SWITCH));
        PlanResult result = switched.get(60, TimeUnit.SECONDS);
        assertThat(result.succeeded()).as("switch: %s", result.error()).isTrue();
        Marker mark = model(dashboard).markers().stream().filter(m -> m.kind() == MarkerKind.SWITCH).findFirst().orElseThrow();
        assertThat(mark.label()).isEqualTo("Switch web → green");
        assertThat(mark.detail()).startsWith("0 failed / ");
        assertThat(mark.scope()).isEqualTo(STACK);

        // traffic moves to green on the same time axis
        waitFor(30, () -> last(model(dashboard), "traffic", "traffic/web.green.rps") > 0
                && last(model(dashboard), "share", "traffic/web.green.share") > 0.9);
        DashboardModel m = model(dashboard);
        assertThat(m.charts()).extracting(ChartModel::id).contains("health", "traffic", "share", "latency", "db-connections", "db-activity");
        ChartModel health = m.chart("health").orElseThrow();
        assertThat(health.lines()).extracting(ChartModel.Line::key).anyMatch(k -> k.startsWith("health/web.green.") && k.endsWith("_ms"));
        assertThat(health.bands()).extracting(ChartModel.Line::key).contains("health/web.blue.ok", "health/web.green.ok");
        assertThat(health.bands().stream().filter(b -> b.key().equals("health/web.green.ok")).findFirst().orElseThrow().last())
                .as("green healthy after taking traffic").isEqualTo(1.0);
        assertThat(m.chart("traffic").orElseThrow().lines()).extracting(ChartModel.Line::key)
                .contains("traffic/web.blue.rps", "traffic/web.green.rps", "traffic/web.green.5xx");
        List<TimeSeriesChart> charts = WaitForAsyncUtils.asyncFx(dashboard::charts).get(5, TimeUnit.SECONDS);
        assertThat(charts).extracting(c -> c.chart().id()).containsExactlyElementsOf(m.charts().stream().map(ChartModel::id).toList());
        assertThat(charts).allMatch(c -> c.redraws() > 0);

        // the readout of the hovered time lists the marker and every series
        TimeSeriesChart top = charts.getFirst();
        // pause: the picture (and the marker's place on it) holds still while the feeds keep recording
        robot.clickOn(robot.lookup(".dashboard .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().equals("Pause")).findFirst().orElseThrow());
        waitFor(5, () -> dashboard.viewModel().pausedProperty().get());
        // zoom by dragging across the top chart, from just before the first traffic sample to the right edge
        DashboardModel live = model(dashboard);
        java.time.Instant firstTraffic = java.time.Instant.ofEpochMilli(live.chart("traffic").orElseThrow().lines().stream()
                .mapToLong(l -> l.epochMillis()[0]).min().orElseThrow()).minusSeconds(1);
        javafx.geometry.Point2D[] drag = WaitForAsyncUtils.asyncFx(() -> new javafx.geometry.Point2D[] {
                top.localToScreen(top.xAt(firstTraffic), top.getHeight() / 2),
                top.localToScreen(top.getWidth() - TimeSeriesChart.RIGHT - 1, top.getHeight() / 2)}).get(5, TimeUnit.SECONDS);
        robot.drag(robot.point(drag[0])).dropTo(robot.point(drag[1]));
        waitFor(5, () -> dashboard.viewModel().zoomedProperty().get());
        DashboardModel zoomed = model(dashboard);
        assertThat(zoomed.from()).as("a few pixels of the press point").isBetween(firstTraffic.minusSeconds(5), firstTraffic.plusSeconds(5));
        assertThat(Duration.between(zoomed.from(), zoomed.to())).as("zoomed in")
                .isLessThan(Duration.between(live.from(), live.to()));
        assertThat(zoomed.markers()).extracting(Marker::kind).contains(MarkerKind.SWITCH);
        javafx.geometry.Point2D atMark = WaitForAsyncUtils.asyncFx(() -> top.localToScreen(top.xAt(mark.at()) + 1, top.getHeight() / 2))
                .get(5, TimeUnit.SECONDS);
        robot.moveTo(robot.point(atMark));
        waitFor(10, () -> robot.lookup(".dashboard-readout").queryLabeled().getText().contains("Switch web → green — 0 failed"));
        assertThat(robot.lookup(".dashboard-readout").queryLabeled().getText()).contains("web.green.rps = ", "connections.max = ");
        Screenshots.save("dashboard.png", stage.getScene());
        trafficOn.set(false);
        assertThat(sent.get()).isPositive().isLessThanOrEqualTo(MAX_REQUESTS);
    }

    /** Paced GETs of / on the public port (about 40/s), bounded in count and time, until the test ends. */
    private void traffic() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + publicPort + "/")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + MAX_TRAFFIC.toNanos();
        while (trafficOn.get() && sent.get() < MAX_REQUESTS && System.nanoTime() < deadline) {
            try {
                http.send(get, HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                // a refused connection during the switch is the probe's business, not this load's
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            sent.incrementAndGet();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(25)); // pacing the load, not waiting for a condition
        }
    }

    private static DashboardModel model(DashboardController d) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> d.viewModel().modelProperty().get()).get(5, TimeUnit.SECONDS);
    }

    private static double last(DashboardModel m, String chart, String key) {
        return m.chart(chart).flatMap(c -> c.lines().stream().filter(l -> l.key().equals(key)).findFirst())
                .map(ChartModel.Line::last).filter(v -> !v.isNaN()).orElse(0.0);
    }

    private static Optional<StackController> stackView(FxRobot robot) {
        return robot.lookup(".tab-pane").queryAllAs(TabPane.class).stream().flatMap(p -> p.getTabs().stream())
                .map(Tab::getUserData).filter(StackController.class::isInstance).map(StackController.class::cast).findFirst();
    }

    private static Node sidebarCell(FxRobot robot, String text) {
        return robot.lookup(".sidebar .tree-cell").queryAll().stream()
                .filter(n -> text.equals(((TreeCell<?>) n).getText())).findFirst().orElse(null);
    }

    private void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        io.turnout.testing.FxWait.until(seconds, condition);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
