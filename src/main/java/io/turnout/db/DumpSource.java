package io.turnout.db;

import java.nio.file.Path;

/** Where a {@code pg_dump -Fc} runs: on this workstation, or inside the database's container. */
public interface DumpSource {

    /** Writes the custom-format dump to {@code target}. @throws DbException with one sentence */
    void dump(Path target);

    /** Short description for the sidecar and logs, e.g. {@code pg_dump on this workstation}. */
    String via();
}
