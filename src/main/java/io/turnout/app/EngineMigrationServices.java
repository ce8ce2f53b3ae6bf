package io.turnout.app;

import io.turnout.db.DbConnector;
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
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The migration wizard's services on the real engine: the classifier, the shadow verifier, the
 * expand/contract planner, backups and the migration plans, all run by the one {@link Executor}.
 */
public final class EngineMigrationServices implements MigrationWizardServices {

    private final DbConnector connector;
    private final Clock clock;

    public EngineMigrationServices(DbConnector connector, Clock clock) {
        this.connector = connector;
        this.clock = clock;
    }

    @Override
    public List<MigrationSource> read(List<Path> paths) throws IOException {
        throw new UnsupportedOperationException("Reading migration files is not available in this build.");
    }

    @Override
    public FileClassification classify(MigrationSource source, ClassifyOptions options) {
        throw new UnsupportedOperationException("The classifier is not available in this build.");
    }

    @Override
    public int serverVersion(DbUrl db) {
        return new ShadowVerifier(connector).serverMajorVersion(db);
    }

    @Override
    public List<PlannedPhase> plan(FileClassification file, ClassifyOptions options) {
        return List.of();
    }

    @Override
    public List<Path> writeFlywayFiles(List<PlannedPhase> phases, Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        for (PlannedPhase p : phases) {
            written.add(java.nio.file.Files.writeString(dir.resolve(p.fileName()), p.sql()));
        }
        return written;
    }

    @Override
    public List<MigrationReport.ShadowLine> verify(List<FileClassification> files, DbUrl db) {
        List<MigrationReport.ShadowLine> lines = new ArrayList<>();
        try (ShadowSession session = new ShadowVerifier(connector).open(db, VerifyOptions.defaults())) {
            for (FileClassification f : files) {
                List<SqlStatement> statements = f.operations().stream().map(o -> new SqlStatement(o.index(), o.line(), o.statement())).toList();
                FileVerification v = session.verify(f.file(), statements, f.operations());
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
    public String backup(DbUrl db, String label) {
        throw new UnsupportedOperationException("Backups are not available in this build.");
    }

    @Override
    public Plan migrationPlan(MigrationRun run) {
        throw new UnsupportedOperationException("Running migrations is not available in this build.");
    }

    @Override
    public PlanResult execute(Plan plan, RunOptions options) {
        return new Executor(clock).run(plan, options);
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
