package io.turnout.cli;

import io.turnout.db.DbConnector;
import io.turnout.db.DbException;
import io.turnout.db.DbUrl;
import io.turnout.migrate.MigrationClassifier;
import io.turnout.migrate.RuleClassifier;
import io.turnout.migrate.ServerFacts;
import io.turnout.migrate.SizeAwareRisk;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

/** The classifier the CLI's migration verbs use. */
final class MigrationClassifiers {

    private MigrationClassifiers() {
    }

    static MigrationClassifier postgres() {
        return new RuleClassifier();
    }

    /**
     * A fresh classifier per pass that knows the live schema's column types (so e.g. a widening
     * type change is judged against the column's real type). Each pass reads the catalog anew: the
     * classifier updates its catalog from the files it reads.
     */
    static Supplier<MigrationClassifier> forDatabase(DbConnector connector, DbUrl url) {
        return () -> new RuleClassifier(facts(connector, url).catalog(), SizeAwareRisk.NONE);
    }

    static ServerFacts facts(DbConnector connector, DbUrl url) {
        try (Connection c = connector.open(url, "turnout-classify")) {
            return ServerFacts.read(c);
        } catch (SQLException e) {
            throw new DbException("Cannot read the schema of " + url.masked() + ": " + e.getMessage() + ".", e);
        }
    }
}
