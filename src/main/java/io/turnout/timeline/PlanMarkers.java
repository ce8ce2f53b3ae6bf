package io.turnout.timeline;

import io.turnout.plan.PlanListener;
import io.turnout.plan.PlanResult;
import io.turnout.plan.Step;
import io.turnout.plan.StepStatus;
import io.turnout.probe.ProbeReport;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a release run's progress into markers on the target's {@link Timeline}, so the dashboard
 * shows where the health gate passed, where traffic moved (with the switch probe's proof), where the
 * old color was drained, and where a run failed or was rolled back. Reads the step ids the release
 * strategies write ({@code health-<svc>-<color>}, {@code switch-<svc>-to-<color>},
 * {@code remove-<svc>-<color>}, {@code maintenance-on|off}) and the {@code migrate} prefix of
 * migration steps. Called on the executor's thread; {@link Timeline#mark} is thread-safe.
 */
public final class PlanMarkers implements PlanListener {

    static final String MIGRATE_PREFIX = "migrate";

    private final Timeline timeline;
    private final String scope;
    private final String planKind;
    private final Map<Integer, ProbeReport> probes = new ConcurrentHashMap<>();

    /**
     * @param scope    the stack the plan runs on (markers carry it so a dashboard shows its own)
     * @param planKind {@link io.turnout.plan.Plan#kind()}: a {@code rollback} plan's switch is marked as a rollback
     */
    public PlanMarkers(Timeline timeline, String scope, String planKind) {
        this.timeline = timeline;
        this.scope = scope;
        this.planKind = planKind == null ? "" : planKind;
    }

    @Override
    public void stepStarted(int index, Step step) {
        if (step.id().startsWith(MIGRATE_PREFIX)) {
            mark(MarkerKind.MIGRATION_START, "Migration started", step.title());
        }
    }

    @Override
    public void detail(int index, Object detail) {
        if (detail instanceof ProbeReport r) {
            probes.put(index, r);
        }
    }

    @Override
    public void stepFinished(int index, Step step, StepStatus status, Duration took, String error) {
        String id = step.id();
        if (status == StepStatus.FAILED) {
            mark(id.startsWith(MIGRATE_PREFIX) ? MarkerKind.MIGRATION_END : MarkerKind.STEP, "Failed: " + step.title(),
                    error == null ? "" : error);
            return;
        }
        if (status != StepStatus.DONE) {
            return;
        }
        if (id.startsWith(MIGRATE_PREFIX)) {
            mark(MarkerKind.MIGRATION_END, "Migration done", step.title() + " · " + seconds(took));
        } else if (id.startsWith("health-")) {
            mark(MarkerKind.GATE_PASSED, "Healthy: " + serviceAndColor(id.substring("health-".length())), step.title());
        } else if (id.startsWith("switch-")) {
            String target = id.substring("switch-".length()).replace("-to-", " → ");
            ProbeReport probe = probes.get(index);
            String proof = probe == null ? step.title() : probe.summary();
            boolean rollback = planKind.equals("rollback");
            mark(rollback ? MarkerKind.ROLLBACK : MarkerKind.SWITCH, (rollback ? "Rollback " : "Switch ") + target, proof);
        } else if (id.startsWith("remove-") && !id.equals("remove-stack")) {
            mark(MarkerKind.DRAIN_DONE, "Drained: " + serviceAndColor(id.substring("remove-".length())), step.title());
        } else if (id.equals("maintenance-on")) {
            mark(MarkerKind.MAINTENANCE_ON, "Maintenance on", step.title());
        } else if (id.equals("maintenance-off")) {
            mark(MarkerKind.MAINTENANCE_OFF, "Maintenance off", step.title());
        }
    }

    @Override
    public void planFinished(PlanResult result) {
        boolean compensated = result.steps().contains(StepStatus.COMPENSATED);
        if (result.status() == PlanResult.Status.ABORTED || result.status() == PlanResult.Status.FAILED && compensated) {
            mark(MarkerKind.ROLLBACK, result.status() == PlanResult.Status.ABORTED ? "Run aborted, undone" : "Run failed, undone",
                    result.error() == null ? "" : result.error());
        }
    }

    /** "web-green" → "web green": the color is the last dash-separated part (service names may hold dashes). */
    private static String serviceAndColor(String rest) {
        int dash = rest.lastIndexOf('-');
        return dash < 0 ? rest : rest.substring(0, dash) + " " + rest.substring(dash + 1);
    }

    private static String seconds(Duration took) {
        return took == null ? "" : String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0);
    }

    private void mark(MarkerKind kind, String label, String detail) {
        timeline.mark(new Marker(timeline.now(), kind, scope, label, detail));
    }
}
