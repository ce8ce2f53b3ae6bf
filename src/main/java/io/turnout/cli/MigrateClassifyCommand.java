package io.turnout.cli;

import io.turnout.db.DbConnector;
import io.turnout.db.DbException;
import io.turnout.db.DbUrl;
import io.turnout.db.PgTableStats;
import io.turnout.migrate.ClassifyOptions;
import io.turnout.migrate.Dialect;
import io.turnout.migrate.FileClassification;
import io.turnout.migrate.MigrationSources;
import io.turnout.migrate.Risk;
import io.turnout.migrate.RuleClassifier;
import io.turnout.migrate.SchemaCatalog;
import io.turnout.migrate.ServerFacts;
import io.turnout.migrate.SizeAwareRisk;
import io.turnout.migrate.SizeEstimates;
import io.turnout.migrate.TableSizeRisk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/** {@code turnout migrate classify PATH...}: the static (or server-aware with --db) verdict per migration file. */
@Command(name = "classify", description = "Classify migrations: lock level, rewrite, risk, class and the safe alternative per statement.",
        footer = {"", "Exit codes: 0 classified, 2 unreadable input or bad option, 3 --fail-on level reached (an invalid file counts as HIGH)."})
final class MigrateClassifyCommand implements java.util.concurrent.Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Flyway folder (V/R/U files in Flyway order), .sql files, or - for standard input.")
    List<Path> paths;

    @Option(names = "--dialect", paramLabel = "postgresql|mysql", defaultValue = "postgresql", description = "SQL dialect (default postgresql).")
    String dialect;

    @Option(names = "--pg-version", paramLabel = "N", description = "PostgreSQL major version the verdicts are for (default: the --db server's, else unknown).")
    Integer pgVersion;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output format (default text).")
    String format;

    @Option(names = "--fail-on", paramLabel = "LOW|MEDIUM|HIGH", description = "Exit 3 when any file reaches this risk.")
    String failOn;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "Read the server version and current column types from this database (read-only).")
    String db;

    /** Standard input for {@code -}; tests replace it. */
    InputStream stdin = System.in;

    @Override
    public Integer call() {
        Dialect d = parseDialect(dialect);
        Risk threshold = failOn == null ? null : parseRisk(failOn);
        boolean json = switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> true;
            case "text" -> false;
            default -> throw new IllegalArgumentException("Unknown --format '" + format + "' (expected text or json).");
        };
        List<MigrationSources.Entry> entries = sources();
        SchemaCatalog catalog = SchemaCatalog.empty();
        OptionalInt version = pgVersion == null ? OptionalInt.empty() : OptionalInt.of(pgVersion);
        if (db != null) {
            ServerFacts facts = serverFacts(DbUrl.parse(db));
            catalog = facts.catalog();
            if (version.isEmpty()) {
                version = OptionalInt.of(facts.pgMajor());
            }
        }
        ClassifyOptions options = new ClassifyOptions(d, version);
        List<FileClassification> results = new ArrayList<>();
        // Connected: table sizes escalate or relax size-dependent verdicts (TableSizeRisk, ADR 15).
        try (Connection sizes = db == null ? null : DbConnector.direct().open(DbUrl.parse(db), "turnout-classify")) {
            SizeAwareRisk sizeAware = sizes == null ? SizeAwareRisk.NONE
                    : new TableSizeRisk(new PgTableStats(sizes), SizeEstimates.SANDBOX_MEASURED);
            RuleClassifier classifier = new RuleClassifier(catalog, sizeAware);
            for (MigrationSources.Entry e : entries) {
                results.add(classifier.classify(e.source(), options));
            }
        } catch (SQLException e) {
            throw new DbException("Closing the connection to the database failed: " + e.getMessage() + ".", e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, ClassifyJson.files(results, entries));
        } else {
            ClassifyText.print(out, results, entries, options);
        }
        return threshold != null && results.stream().anyMatch(r -> effectiveRisk(r).compareTo(threshold) >= 0)
                ? ExitCode.THRESHOLD : ExitCode.OK;
    }

    static Risk effectiveRisk(FileClassification r) {
        return r.valid() ? r.risk() : Risk.HIGH;
    }

    private List<MigrationSources.Entry> sources() {
        List<MigrationSources.Entry> out = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (p.toString().equals("-")) {
                out.addAll(MigrationSources.expand(files));
                files.clear();
                out.add(MigrationSources.pasted(readStdin()));
            } else {
                files.add(p);
            }
        }
        out.addAll(MigrationSources.expand(files));
        return out;
    }

    private String readStdin() {
        try {
            return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ServerFacts serverFacts(DbUrl url) {
        try (Connection c = DbConnector.direct().open(url, "turnout-classify")) {
            c.setReadOnly(true);
            return ServerFacts.read(c);
        } catch (SQLException e) {
            throw new DbException("Cannot read the server version and schema from " + url.masked() + ": " + e.getMessage(), e);
        }
    }

    private static Dialect parseDialect(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "postgresql", "postgres", "pg" -> Dialect.POSTGRESQL;
            case "mysql" -> Dialect.MYSQL;
            default -> throw new IllegalArgumentException("Unknown --dialect '" + s + "' (expected postgresql or mysql).");
        };
    }

    private static Risk parseRisk(String s) {
        try {
            return Risk.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown --fail-on '" + s + "' (expected LOW, MEDIUM or HIGH).");
        }
    }
}
