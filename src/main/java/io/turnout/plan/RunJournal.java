package io.turnout.plan;

import io.turnout.plan.JournalEntry.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;

/** One run's side of the {@link Journal}: stamps entries with the run, the plan kind and the clock. */
final class RunJournal {

    private static final Logger log = LoggerFactory.getLogger(RunJournal.class);

    private final Journal journal;
    private final Clock clock;
    private final String runId;
    private final String planKind;

    RunJournal(Journal journal, Clock clock, String runId, String planKind) {
        this.journal = journal;
        this.clock = clock;
        this.runId = runId;
        this.planKind = planKind;
    }

    void planStarted(String title, Map<String, String> params) {
        journal.record(new JournalEntry(clock.instant(), runId, planKind, Event.PLAN_STARTED, -1, null, title, params));
    }

    /** Throws when the journal cannot record: callers that change things next must not go on. */
    void record(Event event, int step, String stepId, String message) {
        journal.record(new JournalEntry(clock.instant(), runId, planKind, event, step, stepId, message, Map.of()));
    }

    /**
     * For entries written while undoing or ending a run: a journal that stopped working must not
     * keep the remaining steps from being compensated, so the failure is logged and swallowed. The
     * run then looks interrupted to the next console, which is the honest state.
     */
    void recordQuietly(Event event, int step, String stepId, String message) {
        try {
            record(event, step, stepId, message);
        } catch (RuntimeException e) {
            log.error("Run {}: could not journal {} for step {}: {}", runId, event, step, e.toString());
        }
    }
}
