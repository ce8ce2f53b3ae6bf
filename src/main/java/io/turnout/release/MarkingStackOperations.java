package io.turnout.release;

import io.turnout.plan.Plan;
import io.turnout.plan.PlanResult;
import io.turnout.plan.RunOptions;
import io.turnout.plan.TeeListener;
import io.turnout.stack.Color;
import io.turnout.stack.HistoryEntry;
import io.turnout.stack.LockInfo;
import io.turnout.stack.StackSpec;
import io.turnout.timeline.PlanMarkers;
import io.turnout.timeline.Timeline;

import java.util.List;
import java.util.Optional;

/**
 * Stack operations whose every run also marks the target's {@link Timeline} (switch, health gate,
 * drain, rollback...). The composition root wraps the GUI's operations in it, so whichever window
 * starts a plan, the dashboard sees its steps without the window knowing about timelines.
 */
public final class MarkingStackOperations implements StackOperations {

    private final StackOperations delegate;
    private final Timeline timeline;

    public MarkingStackOperations(StackOperations delegate, Timeline timeline) {
        this.delegate = delegate;
        this.timeline = timeline;
    }

    private RunOptions marked(String kind, RunOptions options) {
        return options.withListener(TeeListener.of(options.listener(), new PlanMarkers(timeline, delegate.stack(), kind)));
    }

    @Override public PlanResult execute(Plan plan, RunOptions options) { return delegate.execute(plan, marked(plan.kind(), options)); }
    @Override public PlanResult resume(InterruptedRun run, RunOptions options) { return delegate.resume(run, marked(run.kind(), options)); }
    @Override public PlanResult rollBack(InterruptedRun run, RunOptions options) { return delegate.rollBack(run, marked("rollback", options)); }

    @Override public String stack() { return delegate.stack(); }
    @Override public StackStatus status() { return delegate.status(); }
    @Override public Plan planApply(StackSpec spec) { return delegate.planApply(spec); }
    @Override public Plan planUpgrade(UpgradeRequest request) { return delegate.planUpgrade(request); }
    @Override public Plan planSwitch(String service, Color to) { return delegate.planSwitch(service, to); }
    @Override public Plan planRollback(String service) { return delegate.planRollback(service); }
    @Override public Plan planCleanup(String service, Color color) { return delegate.planCleanup(service, color); }
    @Override public StackSpec definition() { return delegate.definition(); }
    @Override public Plan planMaintenance(boolean on) { return delegate.planMaintenance(on); }
    @Override public Plan planRemove() { return delegate.planRemove(); }
    @Override public Optional<InterruptedRun> interrupted() { return delegate.interrupted(); }
    @Override public List<HistoryEntry> history(int limit) { return delegate.history(limit); }
    @Override public Optional<LockInfo> lock() { return delegate.lock(); }
    @Override public Optional<LockInfo> forceReleaseLock() { return delegate.forceReleaseLock(); }
    @Override public String resolveService(String service) { return delegate.resolveService(service); }
}
