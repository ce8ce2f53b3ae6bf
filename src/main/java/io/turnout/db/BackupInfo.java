package io.turnout.db;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A backup's sidecar ({@code <dump>.json}): what it is without opening the dump.
 *
 * @param host the Docker host's label, or {@code local} for a database reached directly
 * @param url the database URL, masked
 * @param file the dump's file name in its folder
 */
public record BackupInfo(String label, String host, String database, String url, long size, String pgVersion,
                         Instant created, String sha256, String file, String via) {

    /** The dump next to this sidecar, under {@code root}. */
    public Path dump(Path root) {
        return root.resolve(Backups.folderName(host)).resolve(database).resolve(file);
    }
}
