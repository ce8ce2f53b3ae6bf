package io.turnout.release;

import io.turnout.plan.Plan;
import io.turnout.plan.PlanResult;
import io.turnout.plan.RunOptions;
import io.turnout.stack.Color;
import io.turnout.stack.HistoryEntry;
import io.turnout.stack.LockInfo;
import io.turnout.stack.StackSpec;

import java.util.List;
import java.util.Optional;

/**
 * Blue-green operations on one stack of one host: the engine's face to the upgrade wizard, the
 * switch/rollback dialogs and the {@code turnout upgrade|stack|maintenance|lock} verbs. The
 * {@code plan*} methods only read (previews); {@link #execute} changes things, under the stack's
 * lock, journaled on the host. All methods block.
 */
public interface StackOperations {

    String stack();

    /** The stack's stored definition (its turnout.yml); a clear error when the host has no such stack. */
    StackSpec definition();

    StackStatus status();

    Plan planApply(StackSpec spec);

    Plan planUpgrade(UpgradeRequest request);

    Plan planSwitch(String service, Color to);

    /** Back to the previous color: a switch while it runs; recreated from its snapshot first if it was cleaned up. */
    Plan planRollback(String service);

    Plan planCleanup(String service, Color color);

    Plan planMaintenance(boolean on);

    Plan planRemove();

    /** Runs a plan built above; the lock and journal of {@code options} are replaced by the stack's own. */
    PlanResult execute(Plan plan, RunOptions options);

    Optional<InterruptedRun> interrupted();

    /** Continues an interrupted run from the step it was in. */
    PlanResult resume(InterruptedRun run, RunOptions options);

    /** Compensates everything an interrupted run applied, in reverse. */
    PlanResult rollBack(InterruptedRun run, RunOptions options);

    List<HistoryEntry> history(int limit);

    Optional<LockInfo> lock();

    /** Removes someone else's lock; written to the history as an explicit act of {@code operator}. */
    Optional<LockInfo> forceReleaseLock();

    /** The service name when {@code service} is null and the stack has exactly one routed service. */
    String resolveService(String service);
}
