package io.turnout.cli;

import io.turnout.db.Backups;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Where the CLI keeps backups: {@code TURNOUT_BACKUP_DIR}, else ~/.turnout/backups. */
final class BackupStore {

    static final String ENV_DIR = "TURNOUT_BACKUP_DIR";

    private BackupStore() {
    }

    static Backups of(TurnoutCommand root, Integer keep) {
        Map<String, String> env = root.services().environment();
        String dir = env.get(ENV_DIR);
        Path where = dir == null || dir.isBlank() ? Backups.defaultRoot() : Path.of(dir);
        return new Backups(where, Clock.systemUTC(), keep == null ? Backups.DEFAULT_KEEP : keep);
    }
}
