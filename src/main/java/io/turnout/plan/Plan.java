package io.turnout.plan;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An ordered list of steps, built by a wizard or a CLI command and shown before anything runs.
 *
 * @param kind what strategy built it ({@code upgrade}, {@code switch}, {@code rollback}...)
 * @param title one line, e.g. "Upgrade shop/web to turnout-fixture/app:v2 (blue → green)"
 * @param params what the strategy needs to build the same plan again (written to the journal so
 *               an interrupted run can be resumed or rolled back from another console)
 */
public record Plan(String kind, String title, Map<String, String> params, List<Step> steps) {
    public Plan {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        params = Map.copyOf(params);
        steps = List.copyOf(steps);
        long distinct = steps.stream().map(Step::id).distinct().count();
        if (distinct != steps.size()) {
            throw new IllegalArgumentException("Step ids must be unique in a plan: " + steps.stream().map(Step::id).toList());
        }
    }
}
