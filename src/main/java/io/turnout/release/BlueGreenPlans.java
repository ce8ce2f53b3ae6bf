package io.turnout.release;

import io.turnout.plan.Plan;
import io.turnout.plan.Step;
import io.turnout.stack.Color;
import io.turnout.stack.Release;
import io.turnout.stack.ReleaseIds;
import io.turnout.stack.Snapshot;
import io.turnout.stack.StackSpec;
import io.turnout.stack.StackSpec.ServiceSpec;
import io.turnout.stack.StackSpecs;
import io.turnout.stack.StackState;
import io.turnout.stack.StackState.ServiceState;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the blue-green plans from their parameters. Every plan is a pure function of its params
 * (plus the stack's files), so a run interrupted on one console can be rebuilt on another and
 * resumed or rolled back ({@link #rebuild}).
 */
final class BlueGreenPlans {

    private final ReleaseContext ctx;

    BlueGreenPlans(ReleaseContext ctx) {
        this.ctx = ctx;
    }

    Plan rebuild(String kind, Map<String, String> p) {
        return switch (kind) {
            case "apply" -> apply(p);
            case "upgrade" -> upgrade(p);
            case "switch", "rollback" -> switchOrRollback(kind, p);
            case "cleanup" -> cleanup(p);
            case "maintenance" -> maintenance(p);
            case "remove" -> remove(p);
            case "adopt" -> adopt(p);
            case "migrate" -> InterruptedMigration.plan(ctx, p);
            default -> throw new IllegalArgumentException("Unknown plan kind '" + kind + "' in the journal.");
        };
    }

    // ---- params: what the operator asked, resolved against the current state ------------------------

    Map<String, String> upgradeParams(UpgradeRequest r, String service) {
        ServiceSpec svc = ctx.spec.service(service);
        if (!svc.routed()) {
            throw new IllegalArgumentException(service + " is not routed; blue-green upgrades need a routed service.");
        }
        Color active = activeOf(service);
        Color to = active.other();
        Map<String, String> p = params("upgrade", ReleaseIds.next(ctx.clock, service, to));
        p.put("service", service);
        p.put("image", r.image());
        p.put("from", active.id());
        p.put("to", to.id());
        p.put("timeout", Long.toString((r.healthTimeout() == null ? svc.health().timeout() : r.healthTimeout()).toMillis()));
        p.put("interval", Long.toString((r.healthInterval() == null ? svc.health().interval() : r.healthInterval()).toMillis()));
        p.put("autoSwitch", Boolean.toString(r.autoSwitch()));
        p.put("autoCleanup", Boolean.toString(r.autoCleanup()));
        p.put("skipHealth", Boolean.toString(r.skipHealth()));
        return p;
    }

    Map<String, String> switchParams(String service, Color to) {
        Color active = activeOf(service);
        if (active == to) {
            throw new IllegalArgumentException(to.id() + " is already the active color of " + service + ".");
        }
        if (ctx.state().service(service).flatMap(s -> s.release(to)).isEmpty()) {
            throw new IllegalArgumentException(service + " has no " + to.id() + " color to switch to (deploy one with 'turnout upgrade perform').");
        }
        Map<String, String> p = params("switch", ReleaseIds.next(ctx.clock, service, to));
        p.put("service", service);
        p.put("from", active.id());
        p.put("to", to.id());
        return p;
    }

    /** Back to the other color: a switch while it still runs, else recreated from the newest older snapshot first. */
    Map<String, String> rollbackParams(String service) {
        Color active = activeOf(service);
        Color back = active.other();
        ServiceState st = ctx.state().service(service).orElseThrow();
        Map<String, String> p = params("rollback", ReleaseIds.next(ctx.clock, service, back));
        p.put("service", service);
        p.put("from", active.id());
        p.put("to", back.id());
        if (st.release(back).isPresent() && ctx.containers.running(service, back)) {
            return p;
        }
        String activeId = st.activeRelease().map(Release::id).orElse("");
        Snapshot previous = ctx.repo.snapshots(service).stream()
                .filter(s -> !s.release().id().equals(activeId))
                .filter(s -> s.release().at() == null || st.activeRelease().map(a -> a.at() == null || s.release().at().isBefore(a.at())).orElse(true))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("There is no earlier release of " + service + " to roll back to."));
        p.put("snapshot", previous.release().id());
        return p;
    }

    Map<String, String> cleanupParams(String service, Color color) {
        if (activeOf(service) == color) {
            throw new IllegalArgumentException(color.id() + " is the active color of " + service + "; switch away from it first.");
        }
        Map<String, String> p = params("cleanup", ReleaseIds.next(ctx.clock, service, color));
        p.put("service", service);
        p.put("color", color.id());
        return p;
    }

    Map<String, String> simpleParams(String kind) {
        return params(kind, ReleaseIds.next(ctx.clock, kind, Color.BLUE));
    }

    private Map<String, String> params(String kind, String runId) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("kind", kind);
        p.put("runId", runId);
        p.put("stack", ctx.spec.name());
        return p;
    }

    private Color activeOf(String service) {
        return ctx.state().service(service).map(ServiceState::active)
                .orElseThrow(() -> new IllegalArgumentException(service + " has no active color yet; run 'turnout stack apply' first."));
    }

    // ---- plans ----------------------------------------------------------------------------------------

    Plan apply(Map<String, String> p) {
        List<Step> steps = new ArrayList<>();
        steps.add(new SaveDefinitionStep(ctx, ctx.spec));
        steps.add(new DeployRouterStep(ctx));
        StackState state = ctx.state();
        ctx.spec.services().forEach((name, svc) -> {
            boolean active = state.service(name).map(s -> s.active() != null && ctx.containers.running(name, s.active())).orElse(false);
            if (!active) {
                Release r = release(p.get("runId") + "-" + name, name, Color.BLUE, svc);
                steps.add(new StartColorStep(ctx, name, Color.BLUE, svc, r, "first color"));
                steps.add(new HealthGateStep(ctx, name, Color.BLUE, svc.health().timeout(), svc.health().interval(), false));
                steps.add(new ActivateStep(ctx, name, Color.BLUE));
            }
        });
        return new Plan("apply", "Apply stack " + ctx.spec.name() + " on " + ctx.host.target().label(), p, steps);
    }

    /** Params {@code container.<service>} name the compose containers to take over. */
    Plan adopt(Map<String, String> p) {
        List<Step> steps = new ArrayList<>();
        steps.add(new SaveDefinitionStep(ctx, ctx.spec));
        steps.add(new DeployRouterStep(ctx));
        ctx.spec.services().forEach((name, svc) -> {
            String id = p.get("container." + name);
            steps.add(new AdoptContainerStep(ctx, name, id, release(p.get("runId") + "-" + name, name, Color.BLUE, svc)));
            steps.add(new HealthGateStep(ctx, name, Color.BLUE, svc.health().timeout(), svc.health().interval(), false));
            steps.add(new ActivateStep(ctx, name, Color.BLUE));
        });
        return new Plan("adopt", "Adopt compose project " + ctx.spec.name() + " on " + ctx.host.target().label()
                + " as a Turnout stack (blue active)", p, steps);
    }

    Plan upgrade(Map<String, String> p) {
        String service = p.get("service");
        Color from = Color.parse(p.get("from"));
        Color to = Color.parse(p.get("to"));
        Duration timeout = Duration.ofMillis(Long.parseLong(p.get("timeout")));
        ServiceSpec svc = ctx.spec.service(service).withImage(p.get("image"));
        Release release = release(p.get("runId"), service, to, svc);
        List<Step> steps = new ArrayList<>();
        steps.add(new PreflightStep(ctx, service, svc.image(), timeout, p.get("runId")));
        steps.add(new StartColorStep(ctx, service, to, svc, release, "the active " + from.id() + "'s configuration, new image"));
        steps.add(new HealthGateStep(ctx, service, to, timeout, Duration.ofMillis(Long.parseLong(p.get("interval"))),
                Boolean.parseBoolean(p.get("skipHealth"))));
        if (Boolean.parseBoolean(p.get("autoSwitch"))) {
            steps.add(new SwitchTrafficStep(ctx, service, from, to, "Switch"));
            if (Boolean.parseBoolean(p.get("autoCleanup"))) {
                steps.add(new RemoveColorStep(ctx, service, from));
            }
        }
        return new Plan("upgrade", "Upgrade " + ctx.spec.name() + "/" + service + " to " + svc.image() + " (" + from.id() + " → " + to.id() + ")",
                p, steps);
    }

    Plan switchOrRollback(String kind, Map<String, String> p) {
        String service = p.get("service");
        Color from = Color.parse(p.get("from"));
        Color to = Color.parse(p.get("to"));
        String verb = kind.equals("rollback") ? "Roll back" : "Switch";
        List<Step> steps = new ArrayList<>();
        String snapshotId = p.get("snapshot");
        if (snapshotId != null) {
            Snapshot s = ctx.repo.snapshot(service, snapshotId)
                    .orElseThrow(() -> new IllegalArgumentException("The snapshot " + snapshotId + " of " + service + " is gone."));
            steps.add(new StartColorStep(ctx, service, to, s.spec(), s.release(), "recreated from snapshot " + snapshotId));
            steps.add(new HealthGateStep(ctx, service, to, s.spec().health().timeout(), s.spec().health().interval(), false));
        }
        steps.add(new SwitchTrafficStep(ctx, service, from, to, verb));
        return new Plan(kind, verb + " " + ctx.spec.name() + "/" + service + " to " + to.id(), p, steps);
    }

    Plan cleanup(Map<String, String> p) {
        Color color = Color.parse(p.get("color"));
        return new Plan("cleanup", "Clean up " + ctx.spec.name() + "/" + p.get("service") + " " + color.id(), p,
                List.of(new RemoveColorStep(ctx, p.get("service"), color)));
    }

    Plan maintenance(Map<String, String> p) {
        boolean on = Boolean.parseBoolean(p.get("on"));
        return new Plan("maintenance", "Maintenance " + (on ? "on" : "off") + " for " + ctx.spec.name(), p,
                List.of(new MaintenanceStep(ctx, on)));
    }

    Plan remove(Map<String, String> p) {
        return new Plan("remove", "Remove stack " + ctx.spec.name() + " from " + ctx.host.target().label(), p,
                List.of(new RemoveStackStep(ctx)));
    }

    private Release release(String id, String service, Color color, ServiceSpec svc) {
        return new Release(id, service, color, svc.image(), StackSpecs.configHash(svc), ctx.host.operator(), ctx.clock.instant());
    }
}
