package io.turnout.stack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.turnout.plan.Journal;
import io.turnout.plan.JournalEntry;
import io.turnout.plan.PlanLock;
import io.turnout.release.InterruptedRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Typed access to one stack's directory in a {@link StateStore} (layout in ADR 0009):
 * <pre>
 * &lt;stack&gt;/turnout.yml                          the definition
 *          state.json                           active colors and what each color runs
 *          history.jsonl                        one line per release event, append-only
 *          snapshots/&lt;service&gt;/&lt;releaseId&gt;.json  enough to recreate a release
 *          journal/&lt;runId&gt;.jsonl                 one line per plan transition
 *          lock                                 who holds the stack (created exclusively)
 * </pre>
 * All methods block on the store.
 */
public final class StackRepository {

    public static final String SPEC = "turnout.yml";
    public static final String STATE = "state.json";
    public static final String HISTORY = "history.jsonl";
    public static final String LOCK = "lock";
    public static final String SNAPSHOTS = "snapshots";
    public static final String BOOT_TIMES = "boot-times";
    public static final String JOURNAL = "journal";

    /** The interrupted-run search looks at this many newest journals at most (each is one read over SFTP). */
    private static final int JOURNALS_SCANNED = 20;
    private static final String JOURNAL_SUFFIX = ".jsonl";
    private static final String HANDLED_SUFFIX = ".handled";
    private static final String SNAPSHOT_SUFFIX = ".json";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Logger LOG = LoggerFactory.getLogger(StackRepository.class);

    private final StateStore store;
    private final String stack;
    private final Clock clock;
    private final ObjectMapper pretty = StateJson.pretty();
    private final ObjectMapper compact = StateJson.compact();

    public StackRepository(StateStore store, String stack, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.stack = checkName(stack, "stack");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public String stack() {
        return stack;
    }

    public StateStore store() {
        return store;
    }

    /** Stack names found under the store's root (directories named like stacks). */
    public static List<String> stacks(StateStore store) {
        return store.list("").stream().filter(n -> StackSpecs.NAME.matcher(n).matches()).toList();
    }

    /** Removes the stack's whole directory: definition, state, history, snapshots, journals and lock. */
    public void deleteAll() {
        store.deleteTree(stack);
    }

    /**
     * Removes what describes a running stack — definition, state, snapshots, boot times — and keeps
     * the history and the journals as the audit trail of what was there.
     */
    public void removeDefinitionAndState() {
        store.delete(path(SPEC));
        store.delete(path(STATE));
        store.deleteTree(path(SNAPSHOTS));
        store.deleteTree(path(BOOT_TIMES));
    }

    // ---- boot times: how long a service took to pass its last health gate ---------------------

    public Optional<java.time.Duration> bootTime(String service) {
        return store.read(path(BOOT_TIMES + "/" + service)).map(String::strip).filter(s -> s.matches("\\d+"))
                .map(Long::parseLong).map(java.time.Duration::ofMillis);
    }

    public void recordBootTime(String service, java.time.Duration took) {
        store.write(path(BOOT_TIMES + "/" + service), Long.toString(took.toMillis()));
    }

    // ---- definition and state ---------------------------------------------------------------

    public Optional<StackSpec> spec() {
        return store.read(path(SPEC)).map(text -> {
            try {
                return StackSpecs.parse(text);
            } catch (IllegalArgumentException e) {
                throw new StateStoreException("The stack definition " + where(SPEC) + " is invalid: " + e.getMessage(), e);
            }
        });
    }

    public void saveSpec(StackSpec spec) {
        if (!spec.name().equals(stack)) {
            throw new IllegalArgumentException("The definition of stack '" + spec.name() + "' cannot be saved as stack '" + stack + "'.");
        }
        store.write(path(SPEC), StackSpecs.render(spec));
    }

    /** {@link StackState#EMPTY} before the first release. */
    public StackState state() {
        return store.read(path(STATE)).map(text -> decode(text, StackState.class, STATE)).orElse(StackState.EMPTY);
    }

    public void saveState(StackState state) {
        store.write(path(STATE), encode(state));
    }

    // ---- history ------------------------------------------------------------------------------

    public void appendHistory(HistoryEntry entry) {
        store.append(path(HISTORY), JsonLines.line(compact, entry));
    }

    /** Newest first; at most {@code limit} entries ({@code limit <= 0}: all). */
    public List<HistoryEntry> history(int limit) {
        List<HistoryEntry> all = store.read(path(HISTORY))
                .map(text -> JsonLines.parse(compact, text, HistoryEntry.class, where(HISTORY)))
                .orElse(List.of());
        List<HistoryEntry> newestFirst = new ArrayList<>(all.reversed());
        return limit > 0 && newestFirst.size() > limit ? List.copyOf(newestFirst.subList(0, limit)) : List.copyOf(newestFirst);
    }

    // ---- snapshots ----------------------------------------------------------------------------

    public void saveSnapshot(Snapshot snapshot) {
        store.write(snapshotPath(snapshot.release().service(), snapshot.release().id()), encode(snapshot));
    }

    public Optional<Snapshot> snapshot(String service, String releaseId) {
        String p = snapshotPath(service, releaseId);
        return store.read(p).map(text -> decode(text, Snapshot.class, p.substring(stack.length() + 1)));
    }

    /** Release ids of the service's snapshots, newest first (ids sort by time, see {@link ReleaseIds}). */
    public List<String> snapshotIds(String service) {
        return store.list(path(SNAPSHOTS + "/" + checkName(service, "service"))).stream()
                .filter(n -> n.endsWith(SNAPSHOT_SUFFIX))
                .map(n -> n.substring(0, n.length() - SNAPSHOT_SUFFIX.length()))
                .sorted(Comparator.reverseOrder())
                .toList();
    }

    /** Newest first. */
    public List<Snapshot> snapshots(String service) {
        return snapshotIds(service).stream().map(id -> snapshot(service, id)).flatMap(Optional::stream).toList();
    }

    /**
     * Keeps the newest {@code keep} snapshots of the service and every protected one (e.g. what
     * the active and standby colors run); deletes the rest.
     *
     * @return the deleted release ids, newest first
     */
    public List<String> pruneSnapshots(String service, int keep, Set<String> protectedIds) {
        List<String> ids = snapshotIds(service);
        List<String> deleted = new ArrayList<>();
        for (int i = Math.max(0, keep); i < ids.size(); i++) {
            String id = ids.get(i);
            if (!protectedIds.contains(id)) {
                store.delete(snapshotPath(service, id));
                deleted.add(id);
            }
        }
        return List.copyOf(deleted);
    }

    // ---- journals -----------------------------------------------------------------------------

    /** The journal of one plan run; {@link Journal#record} appends one JSON line. */
    public Journal journal(String runId) {
        return new StackJournal(store, journalPath(runId, JOURNAL_SUFFIX), compact);
    }

    /** Run ids with a journal, newest first. */
    public List<String> journals() {
        return store.list(path(JOURNAL)).stream()
                .filter(n -> n.endsWith(JOURNAL_SUFFIX))
                .map(n -> n.substring(0, n.length() - JOURNAL_SUFFIX.length()))
                .sorted(Comparator.reverseOrder())
                .toList();
    }

    /**
     * The run to offer for resume or roll back: journals are read newest first, skipping those
     * without entries and those that ended without applying a step (a run refused by the lock);
     * the first other journal decides — interrupted if its last entry is not terminal and it was
     * not {@linkplain #markInterruptedHandled handled}. A run that ended after an interrupted one
     * (the lock was force-released) therefore hides it: its state is no longer the one to resume.
     */
    public Optional<InterruptedRun> interrupted() {
        List<String> ids = journals();
        for (String runId : ids.subList(0, Math.min(ids.size(), JOURNALS_SCANNED))) {
            List<JournalEntry> entries = journal(runId).entries();
            if (entries.isEmpty() || (entries.getLast().event().terminal() && !appliedSteps(entries))) {
                continue;
            }
            if (store.read(journalPath(runId, HANDLED_SUFFIX)).isPresent()) {
                return Optional.empty();
            }
            return InterruptedRuns.of(runId, entries);
        }
        return Optional.empty();
    }

    /** The operator dismissed an interrupted run (neither resumed nor rolled back): stop offering it. */
    public void markInterruptedHandled(String runId, String operator) {
        store.write(journalPath(runId, HANDLED_SUFFIX), operator + " " + clock.instant() + "\n");
    }

    private static boolean appliedSteps(List<JournalEntry> entries) {
        return entries.stream().anyMatch(e -> e.event() == JournalEntry.Event.STEP_STARTED);
    }

    // ---- lock ---------------------------------------------------------------------------------

    /** Who holds the stack; a damaged lock file still counts as held (and can be force-released). */
    public Optional<LockInfo> lock() {
        return store.read(path(LOCK)).map(text -> {
            try {
                return compact.readValue(text, LockInfo.class);
            } catch (JsonProcessingException e) {
                LOG.warn("The lock file {} is unreadable: {}", where(LOCK), JsonLines.describe(e));
                return new LockInfo("unknown", "unknown", -1, "an unreadable lock file", Instant.EPOCH, null);
            }
        });
    }

    /**
     * Takes the stack for {@code wanted.releaseId()}. A lock already held by the same release id
     * (the same run resuming after a crash or from another console) is taken over and rewritten.
     *
     * @throws LockHeldException naming the holder when another release holds it
     */
    public void acquireLock(LockInfo wanted) {
        String content = encode(wanted);
        // A holder releasing between our create and our read makes us try again; a few times is plenty.
        for (int attempt = 0; attempt < 5; attempt++) {
            if (store.createExclusive(path(LOCK), content)) {
                LOG.info("Locked stack {} for {}", stack, wanted.sentence());
                return;
            }
            Optional<LockInfo> held = lock();
            if (held.isEmpty()) {
                continue;
            }
            if (wanted.releaseId() != null && wanted.releaseId().equals(held.get().releaseId())) {
                store.write(path(LOCK), content);
                LOG.info("Took over the lock of stack {} for release {} (was {})", stack, wanted.releaseId(), held.get().sentence());
                return;
            }
            throw new LockHeldException(stack, held.get());
        }
        throw new StateStoreException("Cannot lock stack '" + stack + "' in " + store.describe()
                + ": its lock file kept disappearing while being read.");
    }

    /**
     * Deletes the lock only if {@code releaseId} still holds it (a force-release and a new holder
     * may have happened meanwhile). Reading and deleting are two steps: a force-release and a new
     * acquire between them would lose that new lock; only a force-release opens that window.
     *
     * @return whether the lock was ours and is gone
     */
    public boolean releaseLock(String releaseId) {
        Optional<LockInfo> held = lock();
        if (held.isEmpty() || !Objects.equals(held.get().releaseId(), releaseId)) {
            held.ifPresent(h -> LOG.warn("Not releasing the lock of stack {}: release {} no longer holds it ({} does)", stack, releaseId, h.sentence()));
            return false;
        }
        store.delete(path(LOCK));
        LOG.info("Released the lock of stack {} held by release {}", stack, releaseId);
        return true;
    }

    /** Deletes whatever lock is there and records who did it in the history. @return the lock that was removed */
    public Optional<LockInfo> forceReleaseLock(String operator) {
        Optional<LockInfo> held = lock();
        if (held.isEmpty()) {
            return held;
        }
        store.delete(path(LOCK));
        LockInfo h = held.get();
        appendHistory(new HistoryEntry(clock.instant(), "lock-force-release", null, h.releaseId(), null, null, null, null,
                operator, "succeeded", "Released the lock held by " + h.sentence() + ".", null));
        LOG.warn("{} force-released the lock of stack {} held by {}", operator, stack, h.sentence());
        return held;
    }

    /** The stack lock as the plan executor holds it; {@code template} gives holder, workstation and pid. */
    public PlanLock planLock(LockInfo template) {
        return new PlanLock() {
            private volatile String heldBy;

            @Override
            public void acquire(String runId, String reason) {
                acquireLock(new LockInfo(template.holder(), template.workstation(), template.pid(), reason, clock.instant(), runId));
                heldBy = runId;
            }

            @Override
            public void release() {
                String runId = heldBy;
                if (runId != null) {
                    releaseLock(runId);
                    heldBy = null;
                }
            }
        };
    }

    // ---- helpers ------------------------------------------------------------------------------

    private String path(String name) {
        return stack + "/" + name;
    }

    private String where(String name) {
        return store.describe() + "/" + stack + "/" + name;
    }

    private String snapshotPath(String service, String releaseId) {
        return path(SNAPSHOTS + "/" + checkName(service, "service") + "/" + checkId(releaseId) + SNAPSHOT_SUFFIX);
    }

    private String journalPath(String runId, String suffix) {
        return path(JOURNAL + "/" + checkId(runId) + suffix);
    }

    private String encode(Object value) {
        try {
            return pretty.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Errors name the place, never the text: snapshots hold service environments, which may be secrets. */
    private <T> T decode(String text, Class<T> type, String name) {
        try {
            return pretty.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new StateStoreException("The file " + where(name) + " is damaged: " + JsonLines.describe(e) + ".", e);
        }
    }

    private static String checkName(String name, String what) {
        if (name == null || !StackSpecs.NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a valid " + what + " name: use 1 to 31 lower-case letters, digits or '-'.");
        }
        return name;
    }

    private static String checkId(String id) {
        if (id == null || !ID.matcher(id).matches() || id.contains("..")) {
            throw new IllegalArgumentException("'" + id + "' is not a valid release id.");
        }
        return id;
    }
}
