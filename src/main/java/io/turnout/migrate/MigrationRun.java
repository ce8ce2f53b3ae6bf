package io.turnout.migrate;

import io.turnout.db.BackupInfo;

import java.util.List;

/** What the steps of one migration plan learn and share: the verdicts and the backup taken. */
final class MigrationRun {

    final MigrationRequest request;
    final MigrationTarget target;
    final FlywayRunner flyway;
    volatile List<FileClassification> verdicts = List.of();
    volatile BackupInfo backup;
    java.nio.file.Path backupsRoot;

    MigrationRun(MigrationRequest request, MigrationTarget target, FlywayRunner flyway) {
        this.request = request;
        this.target = target;
        this.flyway = flyway;
    }

    /** The sentence naming the safety net, for failures that are not undone automatically. */
    String restoreHint() {
        return backup == null ? "" : " The backup '" + backup.label() + "' was taken before the migration; restore it with 'turnout db restore --backup "
                + backup.label() + "'.";
    }
}
