package io.turnout.ui.migrate;

import io.turnout.db.DbUrl;
import io.turnout.migrate.ClassifyOptions;
import io.turnout.migrate.MigrationClass;
import io.turnout.migrate.MigrationSource;

import java.util.List;

/**
 * What the operator asked the wizard to run.
 *
 * @param stack the stack whose router goes into maintenance for a MAINTENANCE run; null when opened without one
 * @param type  the worst class of the classified files: how the run is guarded
 * @param options what the files were classified for (the run classifies its pending files again)
 * @param backupLabel the label of the backup the run takes before it migrates
 */
public record MigrationRun(DbUrl db, String stack, List<MigrationSource> sources, MigrationClass type, ClassifyOptions options,
                           String backupLabel) {

    public MigrationRun {
        sources = List.copyOf(sources);
    }
}
