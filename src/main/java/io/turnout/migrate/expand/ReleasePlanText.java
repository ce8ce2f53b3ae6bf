package io.turnout.migrate.expand;

import java.util.List;

/** The release plan as Markdown: files and code releases in order, and the point of no return. */
final class ReleasePlanText {

    private ReleasePlanText() {
    }

    static String render(String source, List<PhaseFile> files, List<String> codeSteps, List<String> warnings) {
        StringBuilder b = new StringBuilder("# Release plan for ").append(source).append("\n\n");
        int step = 1;
        if (files.stream().noneMatch(f -> f.phase() == Phase.EXPAND)) {
            for (String code : codeSteps) {
                b.append(step++).append(". ").append(code).append('\n');
            }
        }
        for (PhaseFile f : files) {
            if (f.phase() == Phase.CONTRACT) {
                b.append(step++).append(". Check that the new code is healthy and that no old-version instance is left (blue-green: "
                        + "the old colour is stopped).\n");
                b.append("   **Code rollback is safe up to here.**\n");
            }
            b.append(step++).append(". Apply `").append(f.fileName()).append("`").append(describe(f)).append('\n');
            if (f.phase() == Phase.CONTRACT) {
                b.append("   **After this phase a code rollback is no longer safe**: the old code needs what it removed. "
                        + "Roll forward instead.\n");
            }
            if (f.phase() == Phase.EXPAND) {
                for (String code : codeSteps) {
                    b.append(step++).append(". ").append(code).append('\n');
                }
            }
        }
        if (!warnings.isEmpty()) {
            b.append("\n## Before you start\n\n");
            warnings.forEach(w -> b.append("- ").append(w).append('\n'));
        }
        return b.toString();
    }

    private static String describe(PhaseFile f) {
        return switch (f.phase()) {
            case EXPAND -> " (additive; the running version is unaffected).";
            case MIGRATE -> " (batched backfill, outside a transaction; can run while both versions serve, and can be rerun).";
            case CONTRACT -> f.transactional() ? "." : " (outside a transaction, each step with its own short lock).";
        };
    }
}
