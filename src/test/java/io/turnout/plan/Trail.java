package io.turnout.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * One ordered record of everything a run touched: steps, listener callbacks, journal entries and
 * the lock, so a test can assert their relative order.
 */
class Trail implements PlanListener, Journal, PlanLock {

    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final List<JournalEntry> journal = new CopyOnWriteArrayList<>();
    final List<PlanResult> finished = new CopyOnWriteArrayList<>();
    int acquired;
    int released;
    String lockReason;

    RunOptions options(String runId) {
        return RunOptions.simple(runId).withJournal(this).withListener(this).withLock(this);
    }

    List<String> matching(Predicate<String> filter) {
        synchronized (events) {
            return events.stream().filter(filter).toList();
        }
    }

    /** "PLAN_STARTED", "STEP_STARTED a", ... */
    List<String> journalEvents() {
        return journal.stream().map(e -> e.event() + (e.stepId() == null ? "" : " " + e.stepId())).toList();
    }

    @Override
    public void record(JournalEntry entry) {
        journal.add(entry);
        events.add("journal " + entry.event() + (entry.stepId() == null ? "" : " " + entry.stepId()));
    }

    @Override
    public List<JournalEntry> entries() {
        return List.copyOf(journal);
    }

    @Override
    public synchronized void acquire(String runId, String reason) {
        acquired++;
        lockReason = reason;
        events.add("lock acquire");
    }

    @Override
    public synchronized void release() {
        released++;
        events.add("lock release");
    }

    @Override
    public void stepStarted(int index, Step step) {
        events.add("started " + index);
    }

    @Override
    public void log(int index, String line) {
        events.add("log " + index + " " + line);
    }

    @Override
    public void progress(int index, double fraction) {
        events.add("progress " + index + " " + fraction);
    }

    @Override
    public void detail(int index, Object detail) {
        events.add("detail " + index + " " + detail);
    }

    @Override
    public void stepFinished(int index, Step step, StepStatus status, Duration took, String error) {
        events.add("finished " + index + " " + status + (error == null ? "" : " " + error));
    }

    @Override
    public void planFinished(PlanResult result) {
        finished.add(result);
        events.add("plan " + result.status());
    }
}
