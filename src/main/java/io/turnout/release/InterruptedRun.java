package io.turnout.release;

import io.turnout.plan.JournalEntry;

import java.time.Instant;
import java.util.Map;

/**
 * A run whose journal has no terminal entry: the console that ran it was killed or lost its
 * connection. Shown on the next connect as "release X interrupted at step Y" with Resume / Roll back.
 *
 * @param lastStep index of the step it was in (started but not done), or of the last done step + 1
 */
public record InterruptedRun(String runId, String kind, Map<String, String> params, int lastStep, String lastStepId,
                             Instant lastEntryAt, JournalEntry lastEntry) {

    public String sentence() {
        return "Release " + runId + " (" + kind + ") was interrupted at step " + (lastStep + 1) + " (" + lastStepId + ").";
    }
}
