package io.turnout.cli;

import io.turnout.migrate.MigrationClassifier;
import io.turnout.migrate.RuleClassifier;

/** The classifier the CLI's migration verbs use. */
final class MigrationClassifiers {

    private MigrationClassifiers() {
    }

    static MigrationClassifier postgres() {
        return new RuleClassifier();
    }
}
