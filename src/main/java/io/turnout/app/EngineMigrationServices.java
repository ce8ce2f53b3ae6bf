package io.turnout.app;

import io.turnout.connect.StackDatabase;
import io.turnout.db.BackupInfo;
import io.turnout.db.DumpSource;
import io.turnout.docker.DockerHost;
import io.turnout.release.StackOperations;
import io.turnout.stack.StackSpec;
import io.turnout.ui.migrate.StackMigration;
import io.turnout.db.Backups;
import io.turnout.db.DbConnector;
import io.turnout.db.PgTools;
import io.turnout.migrate.MigrationClass;
import io.turnout.migrate.MigrationPlans;
import io.turnout.migrate.MigrationRequest;
import io.turnout.migrate.MigrationSources;
import io.turnout.migrate.MigrationTarget;
import io.turnout.migrate.RuleClassifier;
import io.turnout.migrate.expand.ColumnTypes;
import io.turnout.migrate.expand.ExpandContractPlan;
import io.turnout.migrate.expand.ExpandContractPlanner;
import io.turnout.migrate.expand.Phase;
import io.turnout.db.DbUrl;
import io.turnout.migrate.ClassifyOptions;
import io.turnout.migrate.FileClassification;
import io.turnout.migrate.LockWaits;
import io.turnout.migrate.MigrationReport;
import io.turnout.migrate.MigrationSource;
import io.turnout.migrate.Operation;
import io.turnout.migrate.SqlStatement;
import io.turnout.migrate.verify.FileVerification;
import io.turnout.migrate.verify.ShadowSession;
import io.turnout.migrate.verify.ShadowVerifier;
import io.turnout.migrate.verify.StatementCheck;
import io.turnout.migrate.verify.VerifyOptions;
import io.turnout.plan.Executor;
import io.turnout.plan.Plan;
import io.turnout.plan.PlanResult;
import io.turnout.plan.RunOptions;
import io.turnout.ui.migrate.LockWaitRow;
import io.turnout.ui.migrate.MigrationRun;
import io.turnout.ui.migrate.MigrationWizardServices;
import io.turnout.ui.migrate.PlannedPhase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The migration wizard's services on the real engine: {@link MigrationSources}, the
 * {@link RuleClassifier}, the {@link ShadowVerifier}, the {@link ExpandContractPlanner},
 * {@link Backups} and {@link MigrationPlans}, whose plan the one {@link Executor} runs. Unbound
 * (the command palette), the database is reached from this workstation ({@code local}) and pg_dump
 * runs here; {@link #forStack bound to a stack}, everything goes the way {@code turnout migrate run
 * --host --stack} goes: through {@link StackDatabase}, and runs under the stack's lock and journal.
 */
public final class EngineMigrationServices implements MigrationWizardServices {

    private static final Duration TOOL_TIMEOUT = Duration.ofMinutes(30);
    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(5);
    private static final Pattern VERSIONED = Pattern.compile("(?i)^V(\\d+)__.*");
    private static final DateTimeFormatter PASTED_VERSION = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final DbConnector connector;
    private final Backups backups;
    private final Map<String, String> env;
    private final Clock clock;
    private final StackDatabase stack;

    /** @param env the environment pg_dump sees (PGPASSWORD, PGPASSFILE) */
    public EngineMigrationServices(DbConnector connector, Backups backups, Map<String, String> env, Clock clock) {
        this(connector, backups, env, clock, null);
    }

    private EngineMigrationServices(DbConnector connector, Backups backups, Map<String, String> env, Clock clock, StackDatabase stack) {
        this.connector = connector;
        this.backups = backups;
        this.env = Map.copyOf(env);
        this.clock = clock;
        this.stack = stack;
    }

    @Override
    public StackMigration forStack(StackOperations operations, DockerHost host) {
        StackDatabase db = StackDatabase.of(host, operations);
        return new StackMigration(new EngineMigrationServices(db.connector(), backups, env, clock, db),
                db.spec().map(StackSpec.DatabaseSpec::url).orElse(null));
    }

    /** A URL without a password (as turnout.yml holds it) gets PGPASSWORD, as the CLI does. */
    private DbUrl withPassword(DbUrl db) {
        return db.withPasswordFrom(env);
    }

    private String hostLabel() {
        return stack == null ? "local" : stack.hostLabel();
    }

    @Override
    public List<MigrationSource> read(List<Path> paths) {
        return MigrationSources.expand(paths).stream().map(MigrationSources.Entry::source).toList();
    }

    @Override
    public List<FileClassification> classify(List<MigrationSource> sources, ClassifyOptions options) {
        RuleClassifier classifier = new RuleClassifier(); // one per round: it learns column types file by file
        return sources.stream().map(s -> classifier.classify(s, options)).toList();
    }

    @Override
    public int serverVersion(DbUrl db) {
        return new ShadowVerifier(connector).serverMajorVersion(withPassword(db));
    }

    @Override
    public List<PlannedPhase> plan(FileClassification file, ClassifyOptions options) {
        List<SqlStatement> statements = statements(file);
        java.util.Set<Integer> risky = file.operations().stream().filter(o -> o.migrationClass() != MigrationClass.SAFE)
                .map(Operation::index).collect(java.util.stream.Collectors.toSet());
        ExpandContractPlan plan = ExpandContractPlanner.defaults(ColumnTypes.unknown())
                .plan(file.file(), statements, s -> risky.contains(s.index()), nextVersion(file.file()));
        return plan.files().stream().map(f -> new PlannedPhase(f.phase().fileWord(), f.fileName(), f.sql(), f.conf(),
                f.phase() != Phase.CONTRACT)).toList();
    }

    /** The version after the file's own ({@code V7__x.sql} → 8); 1 for pasted SQL and unversioned files. */
    static int nextVersion(String file) {
        Matcher m = VERSIONED.matcher(Path.of(file).getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) + 1 : 1;
    }

    private static List<SqlStatement> statements(FileClassification f) {
        return f.operations().stream().map(o -> new SqlStatement(o.index(), o.line(), o.statement())).toList();
    }

    @Override
    public List<Path> writeFlywayFiles(List<PlannedPhase> phases, Path dir) throws IOException {
        for (PlannedPhase p : phases) {
            if (Files.exists(dir.resolve(p.fileName()))) {
                throw new IOException(dir.resolve(p.fileName()) + " already exists; choose another folder.");
            }
        }
        List<Path> written = new ArrayList<>();
        for (PlannedPhase p : phases) {
            written.add(Files.writeString(dir.resolve(p.fileName()), p.sql()));
            if (p.conf() != null) {
                written.add(Files.writeString(dir.resolve(p.fileName() + ".conf"), p.conf()));
            }
        }
        return written;
    }

    @Override
    public List<MigrationReport.ShadowLine> verify(List<FileClassification> files, DbUrl db) {
        List<MigrationReport.ShadowLine> lines = new ArrayList<>();
        try (ShadowSession session = new ShadowVerifier(connector).open(withPassword(db), VerifyOptions.defaults())) {
            for (FileClassification f : files) {
                FileVerification v = session.verify(f.file(), statements(f), f.operations());
                v.checks().forEach(c -> lines.add(line(f.file(), c)));
            }
        }
        return lines;
    }

    private static MigrationReport.ShadowLine line(String file, StatementCheck c) {
        Operation e = c.expected();
        String expected = e == null ? "no verdict" : e.lockLevel().sqlName() + ", rewrite " + e.rewrites().json();
        String observed = c.failed() ? "failed: " + c.error()
                : (c.lockCaptured() ? c.observedLock().sqlName() : "lock not captured") + ", rewrite " + (c.rewriteObserved() ? "yes" : "no");
        String why = c.disagreements().isEmpty() ? "" : " (" + String.join(" ", c.disagreements()) + ")";
        return new MigrationReport.ShadowLine(file, c.index(), c.line(), expected, observed + why, !c.failed() && c.disagreements().isEmpty());
    }

    @Override
    public String backup(DbUrl given, String label) {
        DbUrl db = withPassword(given);
        BackupInfo b = backups.backup(connector, db, hostLabel(), dumpSource(db), label);
        return "Backup '" + b.label() + "' of " + b.database() + " written (" + b.size() / 1024 + " KiB, via " + b.via() + ") under "
                + backups.root() + "; restore it with turnout db restore --backup " + b.label() + ".";
    }

    private DumpSource dumpSource(DbUrl db) {
        return stack == null ? new PgTools(connector, db, env, TOOL_TIMEOUT).dumpSource() : stack.dumpSource(db, env, TOOL_TIMEOUT);
    }

    /**
     * The run's files go into a fresh folder for Flyway: pasted SQL as {@code V<utc time>__pasted.sql},
     * files under their own names (their versions and checksums stay what they are).
     */
    @Override
    public Plan migrationPlan(MigrationRun run) {
        Path folder;
        try {
            folder = Files.createTempDirectory("turnout-wizard-");
            for (MigrationSource s : run.sources()) {
                String name = Path.of(s.name()).getFileName().toString();
                if (name.equals("pasted.sql")) {
                    name = "V" + PASTED_VERSION.format(clock.instant()) + "__pasted.sql";
                }
                Files.writeString(folder.resolve(name), s.sql());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stage the migrations for Flyway: " + e.getMessage(), e);
        }
        DbUrl db = withPassword(run.db());
        PgTools tools = new PgTools(connector, db, env, TOOL_TIMEOUT);
        MigrationTarget target = stack != null ? stack.migrationTarget(db, env, TOOL_TIMEOUT)
                : new MigrationTarget(connector, db, "local", tools.dumpSource(), tools, null, null, run.stack());
        MigrationRequest request = new MigrationRequest(folder, run.type(), LOCK_TIMEOUT, Duration.ZERO, run.backupLabel(), false);
        return new MigrationPlans(RuleClassifier::new, run.options(), backups, clock).plan(target, request).plan();
    }

    @Override
    public PlanResult execute(Plan plan, RunOptions options) {
        return stack == null ? new Executor(clock).run(plan, options) : stack.operations().execute(plan, options);
    }

    @Override
    public List<LockWaitRow> lockWaits(Object detail) {
        if (!(detail instanceof LockWaits w)) {
            return null;
        }
        return w.waits().stream().map(x -> new LockWaitRow(x.pid(), x.application().isEmpty() ? x.user() : x.application(),
                x.migrationWaits() ? "blocks the migration" : "blocked by the migration",
                String.join(", ", IntStream.range(0, x.blockedBy().size()).mapToObj(i -> x.blockedBy().get(i)
                        + (i < x.blockerApplications().size() && !x.blockerApplications().get(i).isEmpty()
                        ? " (" + x.blockerApplications().get(i) + ")" : "")).toList()),
                x.waiting().toMillis() / 1000.0, x.query())).toList();
    }
}
