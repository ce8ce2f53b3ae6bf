package io.turnout.cli;

import io.turnout.db.DbConnector;
import io.turnout.db.DbException;
import io.turnout.db.DbUrl;
import io.turnout.db.PgTableStats;
import io.turnout.migrate.ClassifyOptions;
import io.turnout.migrate.Dialect;
import io.turnout.migrate.FileClassification;
import io.turnout.migrate.MigrationSource;
import io.turnout.migrate.MigrationSources;
import io.turnout.migrate.RuleClassifier;
import io.turnout.migrate.SchemaCatalog;
import io.turnout.migrate.SizeEstimates;
import io.turnout.migrate.SqlSplitter;
import io.turnout.migrate.TableSizeRisk;
import io.turnout.migrate.verify.FileVerification;
import io.turnout.migrate.verify.ShadowSession;
import io.turnout.migrate.verify.ShadowVerifier;
import io.turnout.migrate.verify.VerifyOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

/**
 * `turnout migrate verify PATH... --db URL`: classifies each file, then runs it statement by
 * statement in a disposable schema-only copy of the database and reports where the observed
 * locks and rewrites differ from the verdict. Exit 0 verified and agreeing, 3 disagreements,
 * 1 the database or a statement failed, 2 bad input.
 */
@Command(name = "verify", description = "Check the classifier's verdicts against a shadow copy of the database.")
final class MigrateVerifyCommand implements Callable<Integer> {

    @ParentCommand MigrateCommand parent;
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Migration files or Flyway folders, applied in order.")
    List<Path> paths;

    @Option(names = "--db", required = true, paramLabel = "JDBC_URL", description = "The target database (only its schema is copied).")
    String db;

    @Option(names = "--pg-version", paramLabel = "N", description = "Classify for this major version (default: the server's).")
    Integer pgVersion;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "Output format (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--lock-timeout", defaultValue = "2s", paramLabel = "DURATION", description = "lock_timeout for each statement, e.g. 2s, 500ms.")
    String lockTimeout;

    @Option(names = "--in-place-rollback", description = "Run in the target itself inside a transaction that is always rolled back, "
            + "instead of a disposable copy. Takes real locks on the target.")
    boolean inPlace;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        List<MigrationSource> files;
        DbUrl url;
        VerifyOptions options;
        try {
            if (!format.equals("text") && !format.equals("json")) {
                throw new IllegalArgumentException("--format must be text or json.");
            }
            // Undo files never run forward, so they are not part of what the shadow applies.
            files = MigrationSources.expand(paths).stream().filter(e -> e.kind() != MigrationSources.Kind.UNDO)
                    .map(MigrationSources.Entry::source).toList();
            if (files.isEmpty()) {
                throw new IllegalArgumentException("No migrations in " + paths + ".");
            }
            url = DbUrl.parse(db);
            options = new VerifyOptions(parseDuration(lockTimeout), inPlace);
        } catch (IllegalArgumentException e) {
            err.println("turnout: " + e.getMessage());
            return ExitCode.USAGE;
        }
        try {
            List<FileVerification> results = verify(files, url, options);
            if ("json".equals(format)) {
                Json.print(spec.commandLine().getOut(), VerifyReport.json(results));
            } else {
                VerifyReport.text(spec.commandLine().getOut(), results);
            }
            if (results.stream().anyMatch(FileVerification::failed)) {
                return ExitCode.FAILED;
            }
            return results.stream().allMatch(FileVerification::agrees) ? ExitCode.OK : ExitCode.THRESHOLD;
        } catch (DbException e) {
            err.println("turnout: " + e.getMessage());
            return ExitCode.FAILED;
        }
    }

    private List<FileVerification> verify(List<MigrationSource> files, DbUrl url, VerifyOptions options) {
        DbConnector connector = DbConnector.direct();
        ShadowVerifier verifier = new ShadowVerifier(connector);
        int version = pgVersion != null ? pgVersion : verifier.serverMajorVersion(url);
        ClassifyOptions classify = new ClassifyOptions(Dialect.POSTGRESQL, OptionalInt.of(version));
        List<FileVerification> out = new ArrayList<>();
        try (Connection target = connector.open(url, "turnout-verify"); ShadowSession session = verifier.open(url, options)) {
            SchemaCatalog catalog = session.schemaSql().isEmpty() ? SchemaCatalog.empty()
                    : SchemaCatalog.fromSql(session.schemaSql(), Dialect.POSTGRESQL);
            RuleClassifier classifier = new RuleClassifier(catalog, new TableSizeRisk(new PgTableStats(target), SizeEstimates.SANDBOX_MEASURED));
            for (MigrationSource file : files) {
                FileClassification fc = classifier.classify(file, classify);
                var split = SqlSplitter.split(file.sql(), Dialect.POSTGRESQL);
                out.add(session.verify(file.name(), split.statements(), fc.operations()));
            }
        } catch (SQLException e) {
            throw new DbException("Closing the connection to " + url.masked() + " failed: " + e.getMessage() + ".", e);
        }
        return out;
    }

    /** 2s, 500ms, 1m, or plain seconds. */
    static Duration parseDuration(String s) {
        String t = s.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            }
            if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a duration: '" + s + "' (e.g. 2s, 500ms).", e);
        }
    }
}
