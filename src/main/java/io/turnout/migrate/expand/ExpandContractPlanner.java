package io.turnout.migrate.expand;

import io.turnout.migrate.SqlStatement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Turns risky column changes (rename, type change, drop, NOT NULL) into three Flyway files:
 * expand (additive, old code unaffected), backfill (batched, outside a transaction) and
 * contract (removes what the old code needs), plus a release plan saying which code release goes
 * between them and that a code rollback is safe only until the contract phase runs.
 */
public final class ExpandContractPlanner {

    private final int batchSize;
    private final Duration lockTimeout;
    private final ColumnTypes types;

    public ExpandContractPlanner(int batchSize, Duration lockTimeout, ColumnTypes types) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("The batch size must be at least 1.");
        }
        this.batchSize = batchSize;
        this.lockTimeout = lockTimeout;
        this.types = types;
    }

    public static ExpandContractPlanner defaults(ColumnTypes types) {
        return new ExpandContractPlanner(1000, Duration.ofSeconds(2), types);
    }

    /**
     * @param risky which statements need planning (the classifier's verdict); statements it
     *              calls safe are not rewritten even if the planner recognises them
     */
    public ExpandContractPlan plan(String source, List<SqlStatement> statements, Predicate<SqlStatement> risky, int nextVersion) {
        List<SchemaChange> changes = new ArrayList<>();
        List<String> unplanned = new ArrayList<>();
        for (SqlStatement s : statements) {
            if (!risky.test(s)) {
                continue;
            }
            Optional<SchemaChange> c = SchemaChanges.parse(s.text());
            if (c.isPresent()) {
                changes.add(c.get());
            } else {
                unplanned.add("Statement " + s.index() + " (line " + s.line() + "): no expand/contract recipe for it; "
                        + "see the classifier's safe alternative.");
            }
        }
        List<PhaseSql> phases = changes.stream().map(c -> PhaseSql.of(c, batchSize, types)).toList();
        String description = changes.size() == 1 ? changes.getFirst().slug() : Names.slug(stem(source));
        List<PhaseFile> files = new ArrayList<>();
        int version = nextVersion;
        version = add(files, version, Phase.EXPAND, description, phases.stream().flatMap(p -> p.expand.stream()).toList(), true);
        version = add(files, version, Phase.MIGRATE, description, phases.stream().flatMap(p -> p.migrate.stream()).toList(), false);
        add(files, version, Phase.CONTRACT, description, phases.stream().flatMap(p -> p.contract.stream()).toList(), !needsAutocommit(phases));
        List<String> warnings = phases.stream().flatMap(p -> p.warnings.stream()).toList();
        String releasePlan = files.isEmpty() ? "" : ReleasePlanText.render(source, files, phases.stream().map(p -> p.codeStep).toList(), warnings);
        return new ExpandContractPlan(files, releasePlan, warnings, unplanned);
    }

    /** VALIDATE must run in its own transaction, or it keeps the NOT VALID step's ACCESS EXCLUSIVE for its whole scan. */
    private static boolean needsAutocommit(List<PhaseSql> phases) {
        return phases.stream().flatMap(p -> p.contract.stream()).anyMatch(s -> s.contains(" VALIDATE CONSTRAINT "));
    }

    private int add(List<PhaseFile> files, int version, Phase phase, String description, List<String> body, boolean transactional) {
        if (body.isEmpty()) {
            return version;
        }
        List<String> statements = new ArrayList<>();
        statements.add("SET lock_timeout = '" + lockTimeout.toMillis() + "ms'");
        statements.addAll(body);
        files.add(new PhaseFile(version, phase, description, statements, transactional));
        return version + 1;
    }

    private static String stem(String source) {
        String name = source.replaceAll(".*[/\\\\]", "").replaceAll("\\.sql$", "");
        return name.replaceFirst("^[VRU]\\d*(?:[._]\\d+)*__", "");
    }
}
