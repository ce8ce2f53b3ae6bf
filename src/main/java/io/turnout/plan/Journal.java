package io.turnout.plan;

import java.util.List;

/** Where the executor records every transition; on Docker hosts a JSON-lines file in the stack's state. */
public interface Journal {

    /** Must be durable before it returns: the next step only starts once its start is recorded. */
    void record(JournalEntry entry);

    List<JournalEntry> entries();

    /** A journal that remembers in memory only (tests, previews). */
    static Journal inMemory() {
        return new Journal() {
            private final List<JournalEntry> list = new java.util.concurrent.CopyOnWriteArrayList<>();

            @Override
            public void record(JournalEntry entry) {
                list.add(entry);
            }

            @Override
            public List<JournalEntry> entries() {
                return List.copyOf(list);
            }
        };
    }
}
