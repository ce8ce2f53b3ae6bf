package io.turnout.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.turnout.plan.Journal;
import io.turnout.plan.JournalEntry;

import java.util.List;

/** A plan run's journal as a JSON-lines file in the stack's state ({@code journal/<runId>.jsonl}). */
final class StackJournal implements Journal {

    private final StateStore store;
    private final String path;
    private final ObjectMapper json;

    StackJournal(StateStore store, String path, ObjectMapper json) {
        this.store = store;
        this.path = path;
        this.json = json;
    }

    /** Durable when it returns: both stores complete the append (and the local one fsyncs) before returning. */
    @Override
    public void record(JournalEntry entry) {
        store.append(path, JsonLines.line(json, entry));
    }

    @Override
    public List<JournalEntry> entries() {
        return store.read(path).map(text -> JsonLines.parse(json, text, JournalEntry.class, store.describe() + "/" + path)).orElse(List.of());
    }
}
