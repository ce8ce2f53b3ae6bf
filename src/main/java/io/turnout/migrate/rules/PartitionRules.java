package io.turnout.migrate.rules;

import io.turnout.migrate.LockLevel;
import io.turnout.migrate.MigrationClass;
import io.turnout.migrate.Risk;
import io.turnout.migrate.parse.Cursor;

import java.util.Set;

/**
 * ATTACH / DETACH PARTITION (ALTER TABLE docs). ATTACH takes SHARE UPDATE EXCLUSIVE on the parent
 * (PG 12+) and ACCESS EXCLUSIVE on the partition, which it scans to prove the bound unless a
 * validated CHECK already implies it. DETACH takes ACCESS EXCLUSIVE on the parent; DETACH ...
 * CONCURRENTLY (PG 14+, not in a transaction block) only SHARE UPDATE EXCLUSIVE.
 */
final class PartitionRules {

    private PartitionRules() {
    }

    static void attach(Cursor c, String parent, Context ctx, Verdict v) {
        String part = c.qualifiedName("a partition name");
        c.until(Set.of());
        v.action("ATTACH_PARTITION").table(part).lock(LockLevel.ACCESS_EXCLUSIVE);
        if (Boolean.FALSE.equals(ctx.atLeast(12))) {
            v.warn("Before PostgreSQL 12 ATTACH PARTITION takes ACCESS EXCLUSIVE on " + parent + " as well.");
        }
        if (!ctx.isNew(part)) {
            v.rule("attach-partition-scan", Risk.MEDIUM, MigrationClass.SAFE,
                    "ATTACH scans " + part + " under ACCESS EXCLUSIVE to prove its rows fit the partition bound.");
            v.alternative("Add a CHECK constraint matching the bound (NOT VALID, then VALIDATE) on " + part
                    + " before attaching; PostgreSQL then skips the scan. Drop the CHECK afterwards.");
        }
    }

    static void detach(Cursor c, String parent, Context ctx, Verdict v) {
        String part = c.qualifiedName("a partition name");
        boolean concurrently = c.accept("CONCURRENTLY");
        c.accept("FINALIZE");
        v.action("DETACH_PARTITION").table(part);
        if (!concurrently) {
            v.lock(LockLevel.ACCESS_EXCLUSIVE);
            v.rule("detach-partition", Risk.MEDIUM, MigrationClass.SAFE,
                    "DETACH takes ACCESS EXCLUSIVE on " + parent + ": every query on it waits (and queues behind long ones).");
            v.alternative(Boolean.FALSE.equals(ctx.atLeast(14))
                    ? "Upgrade to PostgreSQL 14+ for DETACH PARTITION ... CONCURRENTLY, or set a short lock_timeout and retry."
                    : "DETACH PARTITION ... CONCURRENTLY outside a transaction block (PostgreSQL 14+).");
            return;
        }
        v.lock(LockLevel.SHARE_UPDATE_EXCLUSIVE);
        Boolean pg14 = ctx.atLeast(14);
        if (Boolean.FALSE.equals(pg14)) {
            v.rule("detach-partition-concurrently-unsupported", Risk.HIGH, MigrationClass.SAFE,
                    "DETACH PARTITION ... CONCURRENTLY needs PostgreSQL 14; this server rejects it.");
        } else if (pg14 == null) {
            v.warn("DETACH PARTITION ... CONCURRENTLY needs PostgreSQL 14 or later.");
        }
        if (ctx.inTransaction()) {
            v.rule("ban-concurrent-detach-in-transaction", Risk.HIGH, MigrationClass.SAFE,
                    "DETACH PARTITION ... CONCURRENTLY cannot run inside a transaction block.");
        }
    }
}
