package io.turnout.migrate;

/** Splits and classifies one migration; never throws on bad SQL (errors go into the result). */
public interface MigrationClassifier {

    FileClassification classify(MigrationSource source, ClassifyOptions options);
}
