package io.turnout.stack;

import io.turnout.plan.JournalEntry;
import io.turnout.plan.JournalEntry.Event;
import io.turnout.release.InterruptedRun;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a journal's entries as a run that ended, or as an {@link InterruptedRun} to resume or roll back. */
final class InterruptedRuns {

    private InterruptedRuns() {
    }

    /**
     * @return empty when the run ended (its last entry is terminal) or never started (no entries)
     */
    static Optional<InterruptedRun> of(String runId, List<JournalEntry> entries) {
        if (entries.isEmpty() || entries.getLast().event().terminal()) {
            return Optional.empty();
        }
        JournalEntry started = entries.stream().filter(e -> e.event() == Event.PLAN_STARTED).findFirst().orElse(null);
        String kind = started != null ? started.planKind() : entries.getFirst().planKind();
        Map<String, String> params = started != null && started.params() != null ? started.params() : Map.of();

        JournalEntry lastStarted = null;
        JournalEntry lastDone = null;
        for (JournalEntry e : entries) {
            if (e.event() == Event.STEP_STARTED) {
                lastStarted = e;
            } else if (e.event() == Event.STEP_DONE) {
                lastDone = e;
            }
        }
        int step;
        String stepId;
        if (lastStarted != null && !doneAfter(entries, lastStarted)) {
            step = lastStarted.step();
            stepId = lastStarted.stepId();
        } else if (lastDone != null) {
            step = lastDone.step() + 1;
            stepId = "after " + lastDone.stepId();
        } else {
            step = 0;
            stepId = "before the first step";
        }
        JournalEntry last = entries.getLast();
        return Optional.of(new InterruptedRun(runId, kind, params, step, stepId, last.at(), last));
    }

    private static boolean doneAfter(List<JournalEntry> entries, JournalEntry started) {
        boolean seen = false;
        for (JournalEntry e : entries) {
            if (e == started) {
                seen = true;
            } else if (seen && e.event() == Event.STEP_DONE && e.step() == started.step()) {
                return true;
            }
        }
        return false;
    }
}
