package io.turnout.timeline;

import io.turnout.plan.PlanResult;
import io.turnout.plan.Step;
import io.turnout.plan.StepContext;
import io.turnout.plan.StepStatus;
import io.turnout.probe.ProbeReport;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlanMarkersTest {

    private final Timeline timeline = new Timeline(Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC));

    private static Step step(String id) {
        return new Step() {
            @Override public String id() { return id; }
            @Override public String title() { return "title of " + id; }
            @Override public void apply(StepContext ctx) { }
        };
    }

    private List<Marker> markers() {
        return timeline.last(Duration.ofHours(1)).markers();
    }

    private static PlanResult result(PlanResult.Status status, StepStatus... steps) {
        return new PlanResult("run", status, -1, status == PlanResult.Status.SUCCEEDED ? null : "boom", List.of(steps), Duration.ZERO);
    }

    @Test
    void upgradeRunMarksGateSwitchWithProbeProofAndDrain() {
        PlanMarkers m = new PlanMarkers(timeline, "shop", "upgrade");
        ProbeReport probe = new ProbeReport(1204, 0, 0, Map.of("v2", 1204L), 12, ProbeReport.Latency.NONE,
                ProbeReport.Latency.NONE, ProbeReport.Latency.NONE, 50, 10_000, List.of());
        m.stepFinished(0, step("start-web-green"), StepStatus.DONE, Duration.ofSeconds(1), null);
        m.stepFinished(1, step("health-web-green"), StepStatus.DONE, Duration.ofSeconds(2), null);
        m.detail(2, probe);
        m.stepFinished(2, step("switch-web-to-green"), StepStatus.DONE, Duration.ofSeconds(3), null);
        m.stepFinished(3, step("remove-web-blue"), StepStatus.DONE, Duration.ofSeconds(1), null);
        m.planFinished(result(PlanResult.Status.SUCCEEDED, StepStatus.DONE, StepStatus.DONE, StepStatus.DONE, StepStatus.DONE));

        assertThat(markers()).extracting(Marker::kind)
                .containsExactly(MarkerKind.GATE_PASSED, MarkerKind.SWITCH, MarkerKind.DRAIN_DONE);
        assertThat(markers()).extracting(Marker::label)
                .containsExactly("Healthy: web green", "Switch web → green", "Drained: web blue");
        assertThat(markers().get(1).detail()).isEqualTo(probe.summary()).contains("0 failed / 1,204 requests");
        assertThat(markers()).allMatch(x -> x.scope().equals("shop"));
    }

    @Test
    void rollbackPlansSwitchIsMarkedAsRollback() {
        PlanMarkers m = new PlanMarkers(timeline, "shop", "rollback");
        m.stepFinished(0, step("switch-web-to-blue"), StepStatus.DONE, Duration.ofSeconds(1), null);
        assertThat(markers()).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(MarkerKind.ROLLBACK);
            assertThat(x.label()).isEqualTo("Rollback web → blue");
        });
    }

    @Test
    void failedStepAndCompensatedRunAreMarked() {
        PlanMarkers m = new PlanMarkers(timeline, "shop", "upgrade");
        m.stepFinished(1, step("health-web-green"), StepStatus.FAILED, Duration.ofSeconds(30), "green never became healthy");
        m.planFinished(result(PlanResult.Status.FAILED, StepStatus.COMPENSATED, StepStatus.FAILED));
        assertThat(markers()).extracting(Marker::kind).containsExactly(MarkerKind.STEP, MarkerKind.ROLLBACK);
        assertThat(markers().get(0).label()).isEqualTo("Failed: title of health-web-green");
        assertThat(markers().get(0).detail()).isEqualTo("green never became healthy");
    }

    @Test
    void abortedRunIsARollbackEvenWithoutCompensation() {
        new PlanMarkers(timeline, "shop", "switch").planFinished(result(PlanResult.Status.ABORTED, StepStatus.PENDING));
        assertThat(markers()).extracting(Marker::kind).containsExactly(MarkerKind.ROLLBACK);
    }

    @Test
    void maintenanceAndMigrationStepsAreMarked() {
        PlanMarkers m = new PlanMarkers(timeline, "shop", "maintenance");
        m.stepFinished(0, step("maintenance-on"), StepStatus.DONE, Duration.ZERO, null);
        m.stepStarted(1, step("migrate-V7"));
        m.stepFinished(1, step("migrate-V7"), StepStatus.DONE, Duration.ofMillis(1500), null);
        m.stepFinished(2, step("maintenance-off"), StepStatus.DONE, Duration.ZERO, null);
        assertThat(markers()).extracting(Marker::kind).containsExactly(MarkerKind.MAINTENANCE_ON,
                MarkerKind.MIGRATION_START, MarkerKind.MIGRATION_END, MarkerKind.MAINTENANCE_OFF);
        assertThat(markers().get(2).detail()).isEqualTo("title of migrate-V7 · 1.5 s");
    }

    @Test
    void stepsWithoutMeaningOnTheTimelineLeaveNoMark() {
        PlanMarkers m = new PlanMarkers(timeline, "shop", "remove");
        m.stepFinished(0, step("preflight"), StepStatus.DONE, Duration.ZERO, null);
        m.stepFinished(1, step("remove-stack"), StepStatus.DONE, Duration.ZERO, null);
        m.stepFinished(2, step("switch-web-to-green"), StepStatus.SKIPPED, Duration.ZERO, null);
        assertThat(markers()).isEmpty();
    }
}
