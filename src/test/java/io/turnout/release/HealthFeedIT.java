package io.turnout.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.turnout.connect.DefaultHostConnector;
import io.turnout.health.ColorHealth;
import io.turnout.health.ContainerReach;
import io.turnout.health.HealthFeed;
import io.turnout.health.HealthSnapshot;
import io.turnout.health.HealthState;
import io.turnout.health.HealthTransition;
import io.turnout.plan.PlanResult;
import io.turnout.plan.RunOptions;
import io.turnout.stack.Color;
import io.turnout.stack.StackSpec;
import io.turnout.stack.StackSpecs;
import io.turnout.testing.FeedWait;
import io.turnout.testing.Sandbox;
import io.turnout.timeline.Marker;
import io.turnout.timeline.MarkerKind;
import io.turnout.timeline.SeriesKey;
import io.turnout.timeline.Timeline;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health against the sandbox: blue v1 active, then green {@code :slow} (503 for its first 10 s)
 * must show starting → healthy, then green {@code :broken} (/health always 500) must end
 * unhealthy with the probe's output as cause; probes go over the host's SSH session to the
 * container's address. Then {@code turnout health check --json}: 0 while the active color is
 * healthy, 1 once it is stopped.
 */
class HealthFeedIT {

    /** Longer than :slow's 10 s of 503s, short enough that :broken turns unhealthy quickly. */
    private static final String HEALTH_TIMEOUT = "15s";

    @Test
    void slowStartsThenHealthyBrokenEndsUnhealthyWithCauseAndTheCliExitsByTheActiveColor() throws Exception {
        try (StackFixture f = new StackFixture()) {
            StackSpec spec = StackSpecs.parse(f.yaml("haproxy", "turnout-fixture/app:v1", HEALTH_TIMEOUT));
            PlanResult applied = f.ops.execute(f.ops.planApply(spec), RunOptions.simple("it"));
            assertThat(applied.succeeded()).as("apply: %s", applied.error()).isTrue();

            StackHost host = io.turnout.connect.StackHosts.of(f.host);
            ContainerReach reach = ContainerReach.through(DefaultHostConnector.sshOf(f.host).orElseThrow());
            Timeline timeline = new Timeline(Clock.systemUTC());
            try (HealthFeed feed = new HealthFeed(spec, host.docker(), reach, timeline, Clock.systemUTC(), Duration.ofMillis(500))) {
                feed.start();
                FeedWait.until(feed, Duration.ofSeconds(20), "blue healthy", s -> state(s, Color.BLUE) == HealthState.HEALTHY);

                upgradeGreen(f, "turnout-fixture/app:slow");
                FeedWait.until(feed, Duration.ofSeconds(40), "green :slow healthy", s -> state(s, Color.GREEN) == HealthState.HEALTHY);
                HealthSnapshot afterSlow = feed.current();
                assertThat(afterSlow.history()).as("history %s", afterSlow.history())
                        .anySatisfy(t -> {
                            assertThat(t.color()).isEqualTo(Color.GREEN);
                            assertThat(t.from()).isEqualTo(HealthState.STARTING);
                            assertThat(t.to()).isEqualTo(HealthState.HEALTHY);
                        });
                assertThat(timeline.last(Duration.ofMinutes(5)).markers()).filteredOn(m -> m.kind() == MarkerKind.HEALTH_CHANGE)
                        .extracting(Marker::label).contains("web.green starting → healthy");
                assertThat(timeline.last(Duration.ofMinutes(5)).series()).containsKey(SeriesKey.of("health", "web.green.readiness_ms"));

                upgradeGreen(f, "turnout-fixture/app:broken");
                HealthSnapshot broken = FeedWait.until(feed, Duration.ofSeconds(60), "green :broken unhealthy",
                        s -> state(s, Color.GREEN) == HealthState.UNHEALTHY);
                ColorHealth g = broken.of("web", Color.GREEN);
                assertThat(g.cause()).isEqualTo(g.probes().get("readiness").describe()).contains("HTTP 500").contains("\"broken\"");
                assertThat(broken.history()).extracting(HealthTransition::to).contains(HealthState.UNHEALTHY);
                assertThat(broken.of("web", Color.BLUE).state()).isEqualTo(HealthState.HEALTHY);
            }

            Path home = Files.createTempDirectory("turnout-cli-home");
            StringWriter out = new StringWriter();
            int ok = cli(home, out, "health", "check", "--host", Sandbox.host(), "--stack", f.name, "--json", "--detailed");
            assertThat(ok).as("%s", out).isZero();
            JsonNode json = new ObjectMapper().readTree(out.toString());
            assertThat(json.get("healthy").asBoolean()).isTrue();
            JsonNode green = null;
            for (JsonNode c : json.get("colors")) {
                if (c.get("color").asText().equals("green")) {
                    green = c;
                }
            }
            assertThat(green).isNotNull();
            assertThat(green.get("active").asBoolean()).isFalse();
            assertThat(green.get("cause").asText()).contains("HTTP 500");
            assertThat(green.get("dockerLog")).isNotEmpty();

            host.docker().stopContainerCmd(spec.containerName("web", Color.BLUE)).withTimeout(2).exec();
            out.getBuffer().setLength(0);
            int failed = cli(home, out, "health", "check", "--host", Sandbox.host(), "--stack", f.name, "--json");
            assertThat(failed).as("active blue stopped: %s", out).isEqualTo(1);
            assertThat(new ObjectMapper().readTree(out.toString()).get("healthy").asBoolean()).isFalse();
        }
    }

    private static HealthState state(HealthSnapshot s, Color c) {
        ColorHealth h = s.of("web", c);
        return h == null ? null : h.state();
    }

    /** The standby replaced by {@code image}, gate skipped (a broken one would never pass it), no switch. */
    private static void upgradeGreen(StackFixture f, String image) {
        PlanResult r = f.ops.execute(f.ops.planUpgrade(new UpgradeRequest(null, image, null, null, false, false, true)),
                RunOptions.simple("it"));
        assertThat(r.succeeded()).as("upgrade to %s: %s", image, r.error()).isTrue();
    }

    private static int cli(Path home, StringWriter out, String... args) {
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--ssh-config";
        all[1] = Sandbox.sshConfig().toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int code = new io.turnout.cli.Cli(io.turnout.app.TestServices.in(home), new PrintWriter(out, true),
                new PrintWriter(err, true)).run(all);
        if (code > 1) {
            throw new AssertionError("turnout " + String.join(" ", args) + " → " + code + ": " + err);
        }
        return code;
    }
}
