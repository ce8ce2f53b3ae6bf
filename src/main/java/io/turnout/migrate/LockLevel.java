package io.turnout.migrate;

/**
 * PostgreSQL's table-level lock modes, weakest first (PostgreSQL docs, "Explicit Locking",
 * table 13.2). {@link #NONE} for statements that take no table lock worth reporting.
 */
public enum LockLevel {
    NONE("none", null),
    ACCESS_SHARE("ACCESS SHARE", "AccessShareLock"),
    ROW_SHARE("ROW SHARE", "RowShareLock"),
    ROW_EXCLUSIVE("ROW EXCLUSIVE", "RowExclusiveLock"),
    SHARE_UPDATE_EXCLUSIVE("SHARE UPDATE EXCLUSIVE", "ShareUpdateExclusiveLock"),
    SHARE("SHARE", "ShareLock"),
    SHARE_ROW_EXCLUSIVE("SHARE ROW EXCLUSIVE", "ShareRowExclusiveLock"),
    EXCLUSIVE("EXCLUSIVE", "ExclusiveLock"),
    ACCESS_EXCLUSIVE("ACCESS EXCLUSIVE", "AccessExclusiveLock");

    private final String sqlName;
    private final String pgLocksMode;

    LockLevel(String sqlName, String pgLocksMode) {
        this.sqlName = sqlName;
        this.pgLocksMode = pgLocksMode;
    }

    /** As written in SQL and shown to operators, e.g. {@code SHARE UPDATE EXCLUSIVE}. */
    public String sqlName() {
        return sqlName;
    }

    /** As {@code pg_locks.mode} reports it, e.g. {@code ShareUpdateExclusiveLock}; null for NONE. */
    public String pgLocksMode() {
        return pgLocksMode;
    }

    public static LockLevel fromPgLocksMode(String mode) {
        for (LockLevel l : values()) {
            if (mode.equals(l.pgLocksMode)) {
                return l;
            }
        }
        throw new IllegalArgumentException("Unknown pg_locks mode " + mode);
    }

    /** Plain INSERT/UPDATE/DELETE wait behind it (SHARE and stronger). */
    public boolean blocksWrites() {
        return compareTo(SHARE) >= 0;
    }

    /** Plain SELECTs wait behind it (only ACCESS EXCLUSIVE). */
    public boolean blocksReads() {
        return this == ACCESS_EXCLUSIVE;
    }

    public LockLevel max(LockLevel other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
