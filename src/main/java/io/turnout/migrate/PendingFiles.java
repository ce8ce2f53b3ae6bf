package io.turnout.migrate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The pending migrations' files, read and classified (what Flyway is about to run, nothing more). */
final class PendingFiles {

    private final FlywayRunner flyway;
    private final java.util.function.Supplier<MigrationClassifier> classifiers;
    private final ClassifyOptions options;

    /** @param classifiers a fresh classifier per pass: classifiers may learn the schema from the files they read */
    PendingFiles(FlywayRunner flyway, java.util.function.Supplier<MigrationClassifier> classifiers, ClassifyOptions options) {
        this.flyway = flyway;
        this.classifiers = classifiers;
        this.options = options;
    }

    List<FileClassification> classify() {
        Path folder = flyway.settings().folder();
        List<FileClassification> out = new ArrayList<>();
        MigrationClassifier classifier = classifiers.get();
        for (MigrationRow row : flyway.pending()) {
            Path file = folder.resolve(row.script());
            try {
                out.add(classifier.classify(new MigrationSource(file.toString(), Files.readString(file, StandardCharsets.UTF_8)), options));
            } catch (IOException e) {
                throw new MigrationException("Cannot read the migration " + file + ": " + e.getMessage() + ".", e);
            }
        }
        return out;
    }
}
