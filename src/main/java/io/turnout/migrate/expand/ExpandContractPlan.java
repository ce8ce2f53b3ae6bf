package io.turnout.migrate.expand;

import java.util.List;

/**
 * @param files the Flyway files in version order (expand, backfill, contract; empty phases left out)
 * @param releasePlan Markdown for the operator: which file when, which code release between, and
 *                    the phase after which a code rollback stops being safe
 * @param unplanned statements the planner did not rewrite, with the reason
 */
public record ExpandContractPlan(List<PhaseFile> files, String releasePlan, List<String> warnings, List<String> unplanned) {

    public ExpandContractPlan {
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
        unplanned = List.copyOf(unplanned);
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }
}
