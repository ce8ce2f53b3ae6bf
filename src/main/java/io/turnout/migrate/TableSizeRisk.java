package io.turnout.migrate;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Size-aware risk: for a statement whose cost grows with its table (a rewrite, an index build, a
 * validation scan) held under a lock that blocks writes, the risk follows the estimated time the
 * lock is held: a rewrite of an empty table is LOW, of a 50 GB one HIGH with "~N min under
 * ACCESS EXCLUSIVE". Statements whose risk is not about size (rename, drop) keep their verdict,
 * and so does any statement whose tables the server does not know (created earlier in the file).
 */
public final class TableSizeRisk extends SizeAwareRisk {

    private static final Set<String> SCAN_RULES = Set.of("constraint-missing-not-valid", "adding-foreign-key-constraint",
            "attach-partition-scan");
    private static final Set<String> INDEX_TYPES = Set.of("CREATE_INDEX", "CREATE_UNIQUE_INDEX", "ADD_PRIMARY_KEY");

    private final SizeEstimates speeds;

    public TableSizeRisk(TableStats stats, SizeEstimates speeds) {
        super(stats);
        this.speeds = speeds;
    }

    @Override
    public Operation adjust(Operation op) {
        Optional<SizeEstimates.Work> work = workOf(op);
        if (work.isEmpty() || op.tables().isEmpty()) {
            return op;
        }
        long bytes = 0;
        long rows = 0;
        for (String table : op.tables()) {
            Optional<TableSize> size = stats.size(table);
            if (size.isEmpty()) {
                return op;
            }
            bytes += size.get().bytes();
            rows += Math.max(0, size.get().rows());
        }
        Duration took = speeds.estimate(work.get(), bytes);
        String what = switch (work.get()) {
            case REWRITE -> "rewrite";
            case INDEX_BUILD -> "index build";
            case SCAN -> "validation scan";
        };
        String sizes = String.join(", ", op.tables()) + " (" + SizeEstimates.humanBytes(bytes) + ", ~" + rows + " rows)";
        if (!op.lockLevel().blocksWrites()) {
            return op.withRisk(op.risk(), "Size: " + what + " of " + sizes + " takes " + SizeEstimates.human(took)
                    + " under " + op.lockLevel().sqlName() + ", which does not block reads or writes.");
        }
        Risk sized = SizeEstimates.riskOf(took);
        String reason = "Size: " + what + " of " + sizes + " takes " + SizeEstimates.human(took) + " under "
                + op.lockLevel().sqlName() + " (" + (op.lockLevel().blocksReads() ? "reads and writes wait" : "writes wait")
                + "; assumes " + mbps(work.get()) + " MB/s, see docs/bench/shadow.md).";
        return op.withRisk(sized, reason);
    }

    private double mbps(SizeEstimates.Work w) {
        return switch (w) {
            case REWRITE -> speeds.rewriteMBps();
            case INDEX_BUILD -> speeds.indexBuildMBps();
            case SCAN -> speeds.scanMBps();
        };
    }

    static Optional<SizeEstimates.Work> workOf(Operation op) {
        if (op.rewrites() == Rewrite.YES) {
            return Optional.of(SizeEstimates.Work.REWRITE);
        }
        if (INDEX_TYPES.contains(op.type())) {
            return Optional.of(SizeEstimates.Work.INDEX_BUILD);
        }
        List<String> rules = op.rules();
        if ("SET_NOT_NULL".equals(op.type()) || "VALIDATE_CONSTRAINT".equals(op.type()) || rules.stream().anyMatch(SCAN_RULES::contains)) {
            return Optional.of(SizeEstimates.Work.SCAN);
        }
        return Optional.empty();
    }
}
