package io.turnout.migrate.expand;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a plan's Flyway files, their {@code .conf}s and {@code RELEASE-PLAN.md} into a folder. */
public final class PlanWriter {

    private PlanWriter() {
    }

    /** @return the paths written; refuses to overwrite an existing migration file */
    public static List<Path> write(ExpandContractPlan plan, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (PhaseFile f : plan.files()) {
            if (Files.exists(dir.resolve(f.fileName()))) {
                throw new IOException(dir.resolve(f.fileName()) + " already exists; choose another --next-version or --out.");
            }
        }
        List<Path> written = new ArrayList<>();
        for (PhaseFile f : plan.files()) {
            written.add(Files.writeString(dir.resolve(f.fileName()), f.sql()));
            if (f.conf() != null) {
                written.add(Files.writeString(dir.resolve(f.fileName() + ".conf"), f.conf()));
            }
        }
        written.add(Files.writeString(dir.resolve("RELEASE-PLAN.md"), plan.releasePlan()));
        return written;
    }
}
