package io.turnout.ui.stack;

import io.turnout.plan.Plan;
import io.turnout.plan.PlanResult;
import io.turnout.plan.RunOptions;
import io.turnout.plan.Step;
import io.turnout.plan.StepContext;
import io.turnout.probe.ProbeReport;
import io.turnout.release.InterruptedRun;
import io.turnout.release.StackOperations;
import io.turnout.release.StackStatus;
import io.turnout.release.UpgradeRequest;
import io.turnout.router.BackendCheck;
import io.turnout.stack.Color;
import io.turnout.stack.HistoryEntry;
import io.turnout.stack.LockInfo;
import io.turnout.stack.Release;
import io.turnout.stack.StackSpec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written, in-memory {@link StackOperations}: a double for <b>view-model tests only</b>, not an
 * engine. One stack of routed services on blue/green; its plans are small steps that change this
 * state; {@link #execute} calls the gate and the listener the way the real executor does (gate
 * before dangerous steps, compensation in reverse on failure). No Docker, router, journal or lock.
 */
public final class InMemoryStackOperations implements StackOperations {

    /** One routed service: the active color and what each color runs. */
    static final class Service {
        Color active = Color.BLUE;
        final Map<Color, Release> releases = new EnumMap<>(Color.class);
    }

    final Map<String, Service> services = new LinkedHashMap<>();
    final List<HistoryEntry> history = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    final AtomicInteger historyReads = new AtomicInteger();
    private final String stack;
    private Instant now = Instant.parse("2026-03-01T10:00:00Z");
    private int runs;
    boolean routerHealthy = true;
    boolean maintenance;
    LockInfo lock;
    InterruptedRun interrupted;
    /** A step id whose apply throws, to test failures. */
    String failStep;
    RuntimeException statusFailure;
    ProbeReport probe = new ProbeReport(1204, 0, 0, Map.of("v1", 600L, "v2", 604L), 12, latency(4.1), latency(6.3),
            latency(3.9), 100, 12_000, List.of());

    /** A stack with one routed service {@code web} running {@code image} in blue, active. */
    public InMemoryStackOperations(String stack, String image) {
        this.stack = stack;
        Service web = new Service();
        web.releases.put(Color.BLUE, release("web", Color.BLUE, image));
        services.put("web", web);
    }

    static ProbeReport.Latency latency(double p99) {
        return new ProbeReport.Latency(100, p99 / 2, p99 * 0.9, p99, p99 * 1.5);
    }

    private Release release(String service, Color color, String image) {
        now = now.plusSeconds(60);
        return new Release(now.toString().replace(":", "") + "-" + service + "-" + color.id(), service, color, image, "cfg",
                "alice@ws", now);
    }

    @Override
    public String stack() {
        return stack;
    }

    @Override
    public synchronized StackStatus status() {
        calls.add("status");
        if (statusFailure != null) {
            throw statusFailure;
        }
        List<StackStatus.ServiceStatus> list = new ArrayList<>();
        services.forEach((name, s) -> {
            Map<Color, StackStatus.ColorStatus> colors = new EnumMap<>(Color.class);
            s.releases.forEach((c, r) -> colors.put(c, new StackStatus.ColorStatus(r, r.image(), 1, 1, "healthy",
                    c == s.active ? 100 : 0, new BackendCheck("UP", "L7OK/200 in 1ms", 0, c == s.active ? 1 : 0))));
            list.add(new StackStatus.ServiceStatus(name, true, s.active, colors));
        });
        return new StackStatus(stack, "haproxy", routerHealthy, maintenance, list, Optional.ofNullable(lock),
                Optional.ofNullable(interrupted), history.reversed().stream().limit(5).toList());
    }

    @Override
    public StackSpec definition() {
        throw new UnsupportedOperationException("not needed by the view-models");
    }

    @Override
    public Plan planApply(StackSpec spec) {
        throw new UnsupportedOperationException("not needed by the view-models");
    }

    @Override
    public synchronized Plan planUpgrade(UpgradeRequest r) {
        calls.add("planUpgrade " + r);
        String name = resolveService(r.service());
        Service s = services.get(name);
        Color from = s.active;
        Color to = from.other();
        List<Step> steps = new ArrayList<>();
        steps.add(step("preflight", "Preflight: router, image, disk space", ctx -> ctx.log("preflight: all checks passed")));
        steps.add(step("start-" + name + "-" + to.id(), "Start " + name + " " + to.id() + " with " + r.image(),
                ctx -> s.releases.put(to, release(name, to, r.image())), () -> s.releases.remove(to)));
        steps.add(step("health-" + name + "-" + to.id(), r.skipHealth() ? "Skip the health gate" : "Health gate: " + to.id(),
                ctx -> ctx.log(to.id() + " is healthy")));
        if (r.autoSwitch()) {
            steps.add(switchStep(name, s, from, to, "Switch"));
        }
        if (r.autoSwitch() && r.autoCleanup()) {
            steps.add(removeStep(name, s, from));
        }
        return plan("upgrade", "Upgrade " + stack + "/" + name + " to " + r.image() + " (" + from.id() + " → " + to.id() + ")",
                Map.of("service", name, "from", from.id(), "to", to.id(), "image", r.image()), steps);
    }

    @Override
    public synchronized Plan planSwitch(String service, Color to) {
        Service s = services.get(resolveService(service));
        return plan("switch", "Switch " + stack + "/" + service + " to " + to.id(),
                Map.of("service", service, "from", to.other().id(), "to", to.id()), List.of(switchStep(service, s, to.other(), to, "Switch")));
    }

    @Override
    public synchronized Plan planRollback(String service) {
        Service s = services.get(resolveService(service));
        Color to = s.active.other();
        return plan("rollback", "Roll back " + stack + "/" + service + " to " + to.id(),
                Map.of("service", service, "from", s.active.id(), "to", to.id()), List.of(switchStep(service, s, s.active, to, "Roll back")));
    }

    @Override
    public synchronized Plan planCleanup(String service, Color color) {
        Service s = services.get(resolveService(service));
        return plan("cleanup", "Clean up " + stack + "/" + service + " " + color.id(), Map.of("service", service, "color", color.id()),
                List.of(removeStep(service, s, color)));
    }

    @Override
    public Plan planMaintenance(boolean on) {
        return plan("maintenance", "Maintenance " + (on ? "on" : "off"), Map.of(),
                List.of(step("maintenance-" + (on ? "on" : "off"), "Maintenance", ctx -> maintenance = on)));
    }

    @Override
    public Plan planRemove() {
        return plan("remove", "Remove stack " + stack, Map.of(), List.of(step("remove-stack", "Remove stack", ctx -> services.clear())));
    }

    private Plan plan(String kind, String title, Map<String, String> params, List<Step> steps) {
        return new Plan(kind, title, params, steps);
    }

    private Step switchStep(String name, Service s, Color from, Color to, String verb) {
        return new InMemoryExecutor.FakeStep("switch-" + name + "-to-" + to.id(), verb + " traffic of " + name + " from " + from.id() + " to " + to.id(),
                List.of("- backend " + name + " weight " + from.id() + " 1 → 0", "+ backend " + name + " weight " + to.id() + " 0 → 1"),
                true, false, ctx -> {
                    ctx.detail(new ProbeReport(10, 0, 0, Map.of(), 0, latency(4.1), ProbeReport.Latency.NONE,
                            ProbeReport.Latency.NONE, 100, 100, List.of()));
                    s.active = to;
                    ctx.detail(probe);
                    ctx.log("Probe: " + probe.summary());
                }, () -> s.active = from);
    }

    private Step removeStep(String name, Service s, Color color) {
        return new InMemoryExecutor.FakeStep("remove-" + name + "-" + color.id(), "Remove " + name + " " + color.id(), List.of(), false, true,
                ctx -> s.releases.remove(color), () -> { });
    }

    private Step step(String id, String title, java.util.function.Consumer<StepContext> apply) {
        return step(id, title, apply, () -> { });
    }

    private Step step(String id, String title, java.util.function.Consumer<StepContext> apply, Runnable undo) {
        return new InMemoryExecutor.FakeStep(id, title, List.of(), false, false, apply, undo);
    }

    /** Runs like the executor (see {@link InMemoryExecutor}), then records a history entry. */
    @Override
    public PlanResult execute(Plan plan, RunOptions o) {
        PlanResult result = InMemoryExecutor.run(plan, o, "run-" + (++runs), this, failStep);
        record(plan, result);
        return result;
    }

    private synchronized void record(Plan plan, PlanResult r) {
        Map<String, String> p = plan.params();
        Color from = p.containsKey("from") ? Color.parse(p.get("from")) : null;
        Color to = p.containsKey("to") ? Color.parse(p.get("to")) : null;
        Service s = services.get(p.get("service"));
        String fromImage = s == null || from == null || s.releases.get(from) == null ? null : s.releases.get(from).image();
        String toImage = p.containsKey("image") ? p.get("image") : s == null || to == null || s.releases.get(to) == null ? null
                : s.releases.get(to).image();
        now = now.plusSeconds(30);
        history.add(new HistoryEntry(now, plan.kind(), p.get("service"), r.runId(), from, to, fromImage, toImage, "alice@ws",
                r.status().name().toLowerCase(java.util.Locale.ROOT), r.succeeded() ? plan.title() : r.error(),
                plan.steps().stream().anyMatch(Step::dangerous) && r.succeeded() ? probe : null));
    }

    @Override
    public Optional<InterruptedRun> interrupted() {
        return Optional.ofNullable(interrupted);
    }

    @Override
    public PlanResult resume(InterruptedRun run, RunOptions options) {
        calls.add("resume " + run.runId());
        Plan plan = planSwitch("web", services.get("web").active.other());
        interrupted = null;
        return execute(plan, options);
    }

    @Override
    public PlanResult rollBack(InterruptedRun run, RunOptions options) {
        calls.add("rollBack " + run.runId());
        interrupted = null;
        return execute(plan("rollback", "Roll back " + run.runId(), Map.of(), List.of(step("undo", "Undo", ctx -> { }))), options);
    }

    @Override
    public List<HistoryEntry> history(int limit) {
        historyReads.incrementAndGet();
        synchronized (this) {
            return List.copyOf(history.reversed().stream().limit(limit).toList());
        }
    }

    @Override
    public Optional<LockInfo> lock() {
        return Optional.ofNullable(lock);
    }

    @Override
    public Optional<LockInfo> forceReleaseLock() {
        LockInfo was = lock;
        lock = null;
        return Optional.ofNullable(was);
    }

    @Override
    public String resolveService(String service) {
        if (service == null) {
            return services.keySet().iterator().next();
        }
        if (!services.containsKey(service)) {
            throw new IllegalArgumentException("Stack '" + stack + "' has no service '" + service + "'.");
        }
        return service;
    }

}
