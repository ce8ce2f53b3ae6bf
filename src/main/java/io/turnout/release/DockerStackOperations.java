package io.turnout.release;

import io.turnout.plan.Executor;
import io.turnout.plan.Plan;
import io.turnout.plan.PlanListener;
import io.turnout.plan.PlanResult;
import io.turnout.plan.RunOptions;
import io.turnout.probe.ProbeReport;
import io.turnout.router.StackRouter;
import io.turnout.router.StackRouters;
import io.turnout.stack.Color;
import io.turnout.stack.HistoryEntry;
import io.turnout.stack.LockInfo;
import io.turnout.stack.LockInfos;
import io.turnout.stack.Release;
import io.turnout.stack.StackRepository;
import io.turnout.stack.StackSpec;
import io.turnout.stack.StackSpecs;
import io.turnout.stack.StackState;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Blue-green on a Docker host: plans from {@link BlueGreenPlans}, run by the one {@link Executor}
 * under the stack's lock file, journaled next to the stack's state, each run leaving a history entry.
 */
public final class DockerStackOperations implements StackOperations {

    public static final int DEFAULT_ROLLBACK_LIMIT = 5;

    private final StackHost host;
    private final String stack;
    private final StackRepository repo;
    private final Clock clock;
    private final Executor executor;
    private final int rollbackLimit;

    public DockerStackOperations(StackHost host, String stack, Clock clock, int rollbackLimit) {
        this.host = host;
        this.stack = stack;
        this.repo = new StackRepository(host.store(), stack, clock);
        this.clock = clock;
        this.executor = new Executor(clock);
        this.rollbackLimit = rollbackLimit;
    }

    @Override
    public String stack() {
        return stack;
    }

    /** The stored definition; a clear error naming the stacks that do exist when there is none. */
    @Override
    public StackSpec definition() {
        return repo.spec().orElseThrow(() -> new IllegalArgumentException("There is no stack '" + stack + "' on "
                + host.target().label() + " (stacks there: " + String.join(", ", StackRepository.stacks(host.store()))
                + "). Create it with 'turnout stack apply --file turnout.yml'."));
    }

    private ReleaseContext context(StackSpec spec) {
        StackRouter router = StackRouters.forSpec(host.docker(), host.ports(), spec);
        return new ReleaseContext(host, spec, repo, router, clock, rollbackLimit);
    }

    private BlueGreenPlans plans() {
        return new BlueGreenPlans(context(definition()));
    }

    @Override
    public StackStatus status() {
        return new StatusReader(context(definition()), repo).read(interrupted());
    }

    @Override
    public Plan planApply(StackSpec spec) {
        if (!spec.name().equals(stack)) {
            throw new IllegalArgumentException("The file defines stack '" + spec.name() + "', not '" + stack + "'.");
        }
        BlueGreenPlans plans = new BlueGreenPlans(context(spec));
        Map<String, String> p = plans.simpleParams("apply");
        p.put("definition", StackSpecs.render(spec));
        return plans.apply(p);
    }

    /**
     * Takes over a running compose project (named like this stack) as the stack's blue color. The
     * definition comes from {@code spec} when given, else it is read off the containers.
     */
    public Plan planAdopt(StackSpec spec, int publicPort, String publicBind, StackSpec.RouterKind kind) {
        if (repo.spec().isPresent()) {
            throw new IllegalArgumentException("Stack '" + stack + "' already exists on " + host.target().label() + "; nothing to adopt.");
        }
        ComposeAdoption compose = new ComposeAdoption(host.docker(), stack);
        Map<String, String> containers = compose.containers();
        StackSpec definition = spec != null ? spec : compose.definition(containers, publicPort, publicBind, kind);
        if (!containers.keySet().equals(definition.services().keySet())) {
            throw new IllegalArgumentException("The compose project runs " + containers.keySet() + " but the definition names "
                    + definition.services().keySet() + ".");
        }
        BlueGreenPlans plans = new BlueGreenPlans(context(definition));
        Map<String, String> p = plans.simpleParams("adopt");
        p.put("definition", StackSpecs.render(definition));
        containers.forEach((svc, id) -> p.put("container." + svc, id));
        return plans.adopt(p);
    }

    @Override
    public Plan planUpgrade(UpgradeRequest request) {
        BlueGreenPlans plans = plans();
        return plans.upgrade(plans.upgradeParams(request, resolveService(request.service())));
    }

    @Override
    public Plan planSwitch(String service, Color to) {
        BlueGreenPlans plans = plans();
        return plans.switchOrRollback("switch", plans.switchParams(resolveService(service), to));
    }

    @Override
    public Plan planRollback(String service) {
        BlueGreenPlans plans = plans();
        return plans.switchOrRollback("rollback", plans.rollbackParams(resolveService(service)));
    }

    @Override
    public Plan planCleanup(String service, Color color) {
        BlueGreenPlans plans = plans();
        return plans.cleanup(plans.cleanupParams(resolveService(service), color));
    }

    @Override
    public Plan planMaintenance(boolean on) {
        BlueGreenPlans plans = plans();
        Map<String, String> p = plans.simpleParams("maintenance");
        p.put("on", Boolean.toString(on));
        return plans.maintenance(p);
    }

    @Override
    public Plan planRemove() {
        BlueGreenPlans plans = plans();
        return plans.remove(plans.simpleParams("remove"));
    }

    @Override
    public PlanResult execute(Plan plan, RunOptions options) {
        return record(plan, options, o -> executor.run(plan, o));
    }

    /**
     * An unfinished journal whose run is not known to be alive: its lock is gone, or the lock names a
     * process on this workstation that no longer runs. While another console's run still holds the
     * lock it counts as running (if that console died, force-releasing its lock makes it resumable here).
     */
    @Override
    public Optional<InterruptedRun> interrupted() {
        return repo.interrupted().filter(run -> !heldByItsRun(run));
    }

    private boolean heldByItsRun(InterruptedRun run) {
        return repo.lock().filter(l -> run.runId().equals(l.releaseId()))
                .map(l -> !(LockInfos.workstation().equals(l.workstation()) && !alive(l.pid())))
                .orElse(false);
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * An unfinished journal may belong to a run that is still going. When its lock names a live
     * process on this machine we know it is; on another machine only the operator can tell, and
     * choosing Resume or Roll back is their explicit act (recorded in the history).
     */
    private void refuseIfStillRunningHere(InterruptedRun run) {
        repo.lock().filter(l -> run.runId().equals(l.releaseId()) && LockInfos.workstation().equals(l.workstation()))
                .filter(l -> alive(l.pid()))
                .ifPresent(l -> {
                    throw new IllegalStateException("Release " + run.runId() + " is still running here (pid " + l.pid() + ").");
                });
    }

    @Override
    public PlanResult resume(InterruptedRun run, RunOptions options) {
        refuseIfStillRunningHere(run);
        Plan plan = rebuild(run);
        return record(plan, options.withStartAt(Math.max(0, run.lastStep())), o -> executor.run(plan, o));
    }

    @Override
    public PlanResult rollBack(InterruptedRun run, RunOptions options) {
        refuseIfStillRunningHere(run);
        Plan plan = rebuild(run);
        return record(plan, options, o -> executor.rollBack(plan, o, Math.min(run.lastStep(), plan.steps().size() - 1)));
    }

    private Plan rebuild(InterruptedRun run) {
        String yaml = run.params().get("definition");
        StackSpec spec = yaml != null ? StackSpecs.parse(yaml) : definition();
        return new BlueGreenPlans(context(spec)).rebuild(run.kind(), run.params());
    }

    /** Runs under the stack's lock and journal, then writes the history entry and keeps the definition's images current. */
    private PlanResult record(Plan plan, RunOptions options, java.util.function.Function<RunOptions, PlanResult> run) {
        String runId = plan.params().get("runId");
        AtomicReference<ProbeReport> probe = new AtomicReference<>();
        PlanListener outer = options.listener();
        PlanListener capturing = new CapturingListener(outer, probe);
        LockInfo template = io.turnout.stack.LockInfos.here(clock, plan.title(), runId);
        RunOptions o = new RunOptions(runId, repo.journal(runId), repo.planLock(template), options.gate(), capturing,
                options.control(), options.startAt());
        PlanResult result = run.apply(o);
        if (result.status() == PlanResult.Status.REFUSED) {
            return result; // someone else holds the stack: nothing happened, nothing to record
        }
        repo.appendHistory(historyEntry(plan, result, probe.get()));
        if (result.succeeded() && !plan.kind().equals("remove")) {
            keepDefinitionImagesCurrent();
        }
        return result;
    }

    private HistoryEntry historyEntry(Plan plan, PlanResult result, ProbeReport probe) {
        Map<String, String> p = plan.params();
        Color from = p.containsKey("from") ? Color.parse(p.get("from")) : null;
        Color to = p.containsKey("to") ? Color.parse(p.get("to")) : p.containsKey("color") ? Color.parse(p.get("color")) : null;
        String service = p.get("service");
        StackState state = repo.state();
        String fromImage = service == null || from == null ? null : imageOf(state, service, from);
        String toImage = p.containsKey("image") ? p.get("image") : service == null || to == null ? null : imageOf(state, service, to);
        String detail = result.succeeded() ? plan.title() : result.error();
        return new HistoryEntry(clock.instant(), plan.kind(), service, result.runId(), from, to, fromImage, toImage,
                host.operator(), result.status().name().toLowerCase(java.util.Locale.ROOT), detail, probe);
    }

    private static String imageOf(StackState state, String service, Color c) {
        return state.service(service).flatMap(s -> s.release(c)).map(Release::image).orElse(null);
    }

    /** After a switch the definition names what serves traffic, so the next apply does not undo the release. */
    private void keepDefinitionImagesCurrent() {
        repo.spec().ifPresent(spec -> {
            StackState state = repo.state();
            Map<String, StackSpec.ServiceSpec> services = new java.util.LinkedHashMap<>(spec.services());
            boolean changed = false;
            for (var e : spec.services().entrySet()) {
                Optional<String> image = state.service(e.getKey()).flatMap(StackState.ServiceState::activeRelease).map(Release::image);
                if (image.isPresent() && !image.get().equals(e.getValue().image())) {
                    services.put(e.getKey(), e.getValue().withImage(image.get()));
                    changed = true;
                }
            }
            if (changed) {
                repo.saveSpec(spec.withServices(services));
            }
        });
    }

    @Override
    public List<HistoryEntry> history(int limit) {
        return repo.history(limit);
    }

    @Override
    public Optional<LockInfo> lock() {
        return repo.lock();
    }

    @Override
    public Optional<LockInfo> forceReleaseLock() {
        return repo.forceReleaseLock(host.operator());
    }

    @Override
    public String resolveService(String service) {
        StackSpec spec = definition();
        if (service != null) {
            spec.service(service);
            return service;
        }
        List<String> routed = spec.services().entrySet().stream().filter(e -> e.getValue().routed()).map(Map.Entry::getKey).toList();
        if (routed.size() == 1) {
            return routed.getFirst();
        }
        throw new IllegalArgumentException("Stack '" + stack + "' has " + routed.size() + " routed services (" + String.join(", ", routed)
                + "); name one with --service.");
    }

    /** Passes everything on and remembers the switch probe's last report for the history. */
    private record CapturingListener(PlanListener outer, AtomicReference<ProbeReport> probe) implements PlanListener {
        @Override public void stepStarted(int i, io.turnout.plan.Step s) { outer.stepStarted(i, s); }
        @Override public void log(int i, String line) { outer.log(i, line); }
        @Override public void progress(int i, double f) { outer.progress(i, f); }
        @Override public void stepFinished(int i, io.turnout.plan.Step s, io.turnout.plan.StepStatus st, java.time.Duration d, String e) {
            outer.stepFinished(i, s, st, d, e);
        }
        @Override public void planFinished(PlanResult r) { outer.planFinished(r); }
        @Override public void detail(int i, Object d) {
            if (d instanceof ProbeReport r) {
                probe.set(r);
            }
            outer.detail(i, d);
        }
    }
}
