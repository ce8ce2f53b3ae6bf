package io.turnout.migrate.rules;

import io.turnout.migrate.LockLevel;
import io.turnout.migrate.MigrationClass;
import io.turnout.migrate.Operation;
import io.turnout.migrate.Rewrite;
import io.turnout.migrate.Risk;
import io.turnout.migrate.SqlStatement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The verdict on one statement while rules add to it. Everything only ever rises (lock, risk,
 * class, rewrite), so rules can fire in any order and a multi-action ALTER TABLE ends at its
 * worst action.
 */
public final class Verdict {

    private String type;
    private final Set<String> tables = new LinkedHashSet<>();
    private LockLevel lock = LockLevel.NONE;
    private Rewrite rewrite = Rewrite.NO;
    private Risk risk = Risk.LOW;
    private MigrationClass migrationClass = MigrationClass.SAFE;
    private final Set<String> warnings = new LinkedHashSet<>();
    private final Set<String> alternatives = new LinkedHashSet<>();
    private final Set<String> rules = new LinkedHashSet<>();
    private int actions;

    public Verdict type(String t) {
        type = t;
        return this;
    }

    /** One ALTER TABLE action; several different ones make the type {@code ALTER_TABLE}. */
    public Verdict action(String t) {
        type = actions == 0 || t.equals(type) ? t : "ALTER_TABLE";
        actions++;
        return this;
    }

    public Verdict table(String t) {
        tables.add(t);
        return this;
    }

    public Verdict lock(LockLevel l) {
        lock = lock.max(l);
        return this;
    }

    public Verdict rewrite(Rewrite r) {
        if (r == Rewrite.YES || r == Rewrite.DEPENDS && rewrite == Rewrite.NO) {
            rewrite = r;
        }
        return this;
    }

    public Verdict raise(Risk r, MigrationClass c) {
        risk = risk.max(r);
        migrationClass = migrationClass.max(c);
        return this;
    }

    /** A rule fired: its id, the operator-facing explanation, and how bad it is. */
    public Verdict rule(String id, Risk r, MigrationClass c, String warning) {
        rules.add(id);
        warn(warning);
        return raise(r, c);
    }

    public Verdict warn(String warning) {
        if (warning != null) {
            warnings.add(warning);
        }
        return this;
    }

    public Verdict alternative(String alt) {
        alternatives.add(alt);
        return this;
    }

    /** MySQL: PostgreSQL lock levels do not apply. */
    public Verdict clearLock() {
        lock = LockLevel.NONE;
        return this;
    }

    public Set<String> tables() {
        return Set.copyOf(tables);
    }

    public LockLevel lock() {
        return lock;
    }

    public Rewrite rewrite() {
        return rewrite;
    }

    public Operation build(SqlStatement s, String fallbackType) {
        String alt = alternatives.isEmpty() ? null : String.join(" ", alternatives);
        return new Operation(s.index(), s.line(), type == null ? fallbackType : type, s.text(), List.copyOf(tables),
                lock, rewrite, risk, migrationClass, new ArrayList<>(warnings), alt, List.copyOf(rules));
    }
}
