package io.turnout.cli;

import io.turnout.migrate.ClassifyOptions;
import io.turnout.migrate.Dialect;
import io.turnout.migrate.MigrationClass;
import io.turnout.migrate.MigrationSource;
import io.turnout.migrate.MigrationSources;
import io.turnout.migrate.Operation;
import io.turnout.migrate.RuleClassifier;
import io.turnout.migrate.SchemaCatalog;
import io.turnout.migrate.SqlSplitter;
import io.turnout.migrate.expand.ColumnTypes;
import io.turnout.migrate.parse.DataType;
import io.turnout.migrate.expand.ExpandContractPlan;
import io.turnout.migrate.expand.ExpandContractPlanner;
import io.turnout.migrate.expand.PlanWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * `turnout migrate plan PATH --out DIR`: rewrites a migration's risky column changes as expand /
 * backfill / contract Flyway files plus RELEASE-PLAN.md. Column types come from the migrations
 * before PATH in its folder. Exit 0 when written (or nothing to plan), 2 on bad input.
 */
@Command(name = "plan", description = "Split risky column changes into expand / backfill / contract Flyway files.")
final class MigratePlanCommand implements Callable<Integer> {

    @ParentCommand MigrateCommand parent;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "The migration file to plan.")
    Path path;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the generated files.")
    Path out;

    @Option(names = "--next-version", paramLabel = "N", description = "First version to use (default: one above the highest in DIR and PATH's folder).")
    Integer nextVersion;

    @Option(names = "--pg-version", defaultValue = "15", paramLabel = "N", description = "PostgreSQL major version (default: ${DEFAULT-VALUE}).")
    int pgVersion;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        var stdout = spec.commandLine().getOut();
        if (!Files.isRegularFile(path)) {
            err.println("turnout: Cannot read " + path + " (plan takes one migration file).");
            return ExitCode.USAGE;
        }
        String sql;
        List<MigrationSources.Entry> folder;
        try {
            sql = MigrationSources.expand(List.of(path)).getFirst().source().sql();
            folder = MigrationSources.expand(List.of(path.toAbsolutePath().getParent()));
        } catch (IllegalArgumentException e) {
            err.println("turnout: " + e.getMessage());
            return ExitCode.USAGE;
        }
        String earlier = earlierSql(folder);
        SchemaCatalog catalog = SchemaCatalog.fromSql(earlier, Dialect.POSTGRESQL);
        ClassifyOptions options = new ClassifyOptions(Dialect.POSTGRESQL, OptionalInt.of(pgVersion));
        // Types are read before the file itself is classified: classifying updates the catalog.
        ColumnTypes types = (table, column) -> catalog.columnType(table, column).map(MigratePlanCommand::sqlType);
        Map<Integer, Operation> ops = new RuleClassifier(SchemaCatalog.fromSql(earlier, Dialect.POSTGRESQL))
                .classify(new MigrationSource(path.toString(), sql), options)
                .operations().stream().collect(Collectors.toMap(Operation::index, o -> o, (a, b) -> a));
        var split = SqlSplitter.split(sql, Dialect.POSTGRESQL);
        int next = nextVersion != null ? nextVersion : highestVersion(folder).max(highestVersion(outFolder())).intValueExact() + 1;
        ExpandContractPlan plan = ExpandContractPlanner.defaults(types).plan(path.toString(), split.statements(),
                s -> Optional.ofNullable(ops.get(s.index())).map(o -> o.migrationClass() != MigrationClass.SAFE).orElse(false), next);
        plan.unplanned().forEach(u -> stdout.println("Not planned: " + u));
        if (plan.isEmpty()) {
            stdout.println("Nothing to plan in " + path + ": no risky rename, type change, drop or NOT NULL.");
            stdout.flush();
            return ExitCode.OK;
        }
        try {
            for (Path p : PlanWriter.write(plan, out)) {
                stdout.println("Wrote " + p);
            }
        } catch (IOException e) {
            err.println("turnout: " + e.getMessage());
            return ExitCode.USAGE;
        }
        plan.warnings().forEach(w -> stdout.println("Warning: " + w));
        stdout.flush();
        return ExitCode.OK;
    }

    /** The migrations that run before PATH in its folder, concatenated: where the column types come from. */
    private String earlierSql(List<MigrationSources.Entry> folder) {
        StringBuilder b = new StringBuilder();
        for (MigrationSources.Entry e : folder) {
            if (Path.of(e.source().name()).toAbsolutePath().equals(path.toAbsolutePath())) {
                break;
            }
            if (e.kind() == MigrationSources.Kind.VERSIONED) {
                b.append(e.source().sql()).append(";\n");
            }
        }
        return b.toString();
    }

    private List<MigrationSources.Entry> outFolder() {
        return Files.isDirectory(out) ? MigrationSources.expand(List.of(out)) : List.of();
    }

    /** The first part of the highest V version, e.g. 12 for V12_3__x.sql; 0 when none. */
    private static BigInteger highestVersion(List<MigrationSources.Entry> entries) {
        return entries.stream().filter(e -> e.kind() == MigrationSources.Kind.VERSIONED && !e.version().isEmpty())
                .map(e -> new BigInteger(e.version().split("[._]")[0])).max(Comparator.naturalOrder()).orElse(BigInteger.ZERO);
    }

    /** The type as SQL, e.g. {@code varchar(200)}, {@code numeric(10,2)[]}. */
    static String sqlType(DataType t) {
        String mods = t.mods().isEmpty() ? "" : t.mods().stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")"));
        return t.name() + mods + (t.array() ? "[]" : "");
    }
}
