package io.turnout.migrate;

import io.turnout.db.DbConnector;
import io.turnout.db.DbUrl;
import io.turnout.db.DumpSource;
import io.turnout.db.PgTools;
import io.turnout.plan.Step;

import java.util.Objects;

/**
 * The database a migration runs against and what the plan needs around it.
 *
 * @param host the Docker host's label, or {@code local}; names the backups' folder
 * @param dump where the backup's pg_dump runs (workstation or the DB container)
 * @param restore pg_restore on the workstation, for a restore after a failure
 * @param maintenanceOn the stack router's maintenance step; null without a stack (maintenance type then refused)
 * @param maintenanceOff its counterpart
 * @param stack the stack's name, or null
 */
public record MigrationTarget(DbConnector connector, DbUrl url, String host, DumpSource dump, PgTools restore,
                              Step maintenanceOn, Step maintenanceOff, String stack) {

    public MigrationTarget {
        Objects.requireNonNull(connector, "connector");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dump, "dump");
        Objects.requireNonNull(restore, "restore");
        if ((maintenanceOn == null) != (maintenanceOff == null)) {
            throw new IllegalArgumentException("maintenance on and off come together");
        }
    }

    public boolean hasRouter() {
        return maintenanceOn != null;
    }
}
