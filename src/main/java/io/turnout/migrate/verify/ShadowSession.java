package io.turnout.migrate.verify;

import io.turnout.db.DbConnector;
import io.turnout.db.DbException;
import io.turnout.db.DbUrl;
import io.turnout.migrate.LockLevel;
import io.turnout.migrate.Operation;
import io.turnout.migrate.SqlStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One verification run: a connection to the shadow database (or, in-place, to the target inside a
 * transaction that only ever rolls back). Files are verified in the order given, and in the
 * shadow each statement is applied after it was observed, so later files see earlier ones.
 */
public final class ShadowSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ShadowSession.class);

    private final DbConnector connector;
    private final DbUrl url;
    private final ShadowDatabase shadow;
    private final VerifyOptions options;
    private final Connection conn;
    private final int pid;

    ShadowSession(DbConnector connector, DbUrl url, ShadowDatabase shadow, VerifyOptions options) {
        this.connector = connector;
        this.url = url;
        this.shadow = shadow;
        this.options = options;
        this.conn = connector.open(url, "turnout-shadow");
        try {
            pid = CatalogProbe.backendPid(conn);
            if (options.inPlaceRollback()) {
                conn.setAutoCommit(false);
                ShadowVerifier.exec(conn, "SET LOCAL lock_timeout = '" + options.lockTimeout().toMillis() + "ms'");
            }
        } catch (SQLException e) {
            closeQuietly();
            throw new DbException("Cannot prepare the verification session on " + url.masked() + ": " + e.getMessage() + ".", e);
        }
    }

    /** Where the statements run: the shadow database, or the target itself in-place. */
    public DbUrl url() {
        return url;
    }

    /** The target's schema-only dump (empty in-place, where no copy is made). */
    public String schemaSql() {
        return shadow == null ? "" : shadow.schemaSql();
    }

    public List<String> schemaCopyWarnings() {
        return shadow == null ? List.of() : shadow.copyWarnings();
    }

    /**
     * @param verdicts the classifier's operations for this file, matched to statements by index
     */
    public FileVerification verify(String file, List<SqlStatement> statements, List<Operation> verdicts) {
        Map<Integer, Operation> byIndex = verdicts.stream().collect(Collectors.toMap(Operation::index, Function.identity(), (a, b) -> a));
        List<StatementCheck> checks = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (SqlStatement s : statements) {
            Operation expected = byIndex.get(s.index());
            if (StatementKinds.transactionControl(s.text())) {
                notes.add("Statement " + s.index() + " (line " + s.line() + ") is transaction control; the verifier manages transactions itself.");
                continue;
            }
            try {
                checks.add(check(s, expected));
            } catch (SQLException e) {
                throw new DbException("The verification session on " + url.masked() + " failed: " + e.getMessage() + ".", e);
            }
        }
        return new FileVerification(file, checks, notes);
    }

    private StatementCheck check(SqlStatement s, Operation expected) throws SQLException {
        boolean outside = StatementKinds.nonTransactional(s.text());
        if (outside && options.inPlaceRollback()) {
            return skipped(s, expected, "Not run: it cannot run inside a transaction, and --in-place-rollback never commits on the target.");
        }
        if (!outside) {
            StatementCheck inTx = options.inPlaceRollback() ? inPlace(s, expected) : inTransaction(s, expected);
            if (!"25001".equals(inTx.sqlState())) {
                return inTx;
            }
            if (options.inPlaceRollback()) {
                return skipped(s, expected, "Not run: PostgreSQL refused it inside a transaction block.");
            }
        }
        List<String> tables = expected == null || expected.tables().isEmpty() ? StatementKinds.tablesIn(s.text()) : expected.tables();
        return new OutsideTransactionRun(connector, url, conn, pid, options).run(s, expected, tables);
    }

    /** Disposable shadow: observe in a transaction, roll back, then apply for real. */
    private StatementCheck inTransaction(SqlStatement s, Operation expected) throws SQLException {
        conn.setAutoCommit(false);
        Observation o;
        try {
            ShadowVerifier.exec(conn, "SET LOCAL lock_timeout = '" + options.lockTimeout().toMillis() + "ms'");
            o = observe(s, CatalogProbe.tables(conn), Map.of());
        } finally {
            conn.rollback();
            conn.setAutoCommit(true);
        }
        if (o.error() != null) {
            return o.toCheck(s, expected, false, List.of());
        }
        List<String> notes = new ArrayList<>();
        try {
            ShadowVerifier.exec(conn, s.text());
        } catch (SQLException e) {
            notes.add("Applying it after the observation failed: " + e.getMessage());
        }
        return o.toCheck(s, expected, false, notes);
    }

    /** In the target: a savepoint per statement inside one transaction that close() rolls back. */
    private StatementCheck inPlace(SqlStatement s, Operation expected) throws SQLException {
        ShadowVerifier.exec(conn, "SAVEPOINT turnout_verify");
        Map<Long, CatalogProbe.Table> before = CatalogProbe.tables(conn);
        Map<Long, EnumSet<LockLevel>> held = CatalogProbe.lockModes(conn, pid);
        Observation o = observe(s, before, held);
        if (o.error() != null) {
            ShadowVerifier.exec(conn, "ROLLBACK TO SAVEPOINT turnout_verify");
        } else {
            ShadowVerifier.exec(conn, "RELEASE SAVEPOINT turnout_verify");
        }
        return o.toCheck(s, expected, false, List.of("Observed in the target inside a transaction that is rolled back."));
    }

    private Observation observe(SqlStatement s, Map<Long, CatalogProbe.Table> before, Map<Long, EnumSet<LockLevel>> heldBefore)
            throws SQLException {
        long t0 = System.nanoTime();
        try {
            ShadowVerifier.exec(conn, s.text());
        } catch (SQLException e) {
            return Observation.failed(e, Duration.ofNanos(System.nanoTime() - t0));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        Map<Long, EnumSet<LockLevel>> fresh = new LinkedHashMap<>();
        CatalogProbe.lockModes(conn, pid).forEach((oid, modes) -> {
            EnumSet<LockLevel> f = EnumSet.copyOf(modes);
            f.removeAll(heldBefore.getOrDefault(oid, EnumSet.noneOf(LockLevel.class)));
            fresh.put(oid, f);
        });
        Map<String, LockLevel> masked = CatalogProbe.named(heldBefore, before);
        return new Observation(CatalogProbe.named(fresh, before), Observation.rewritten(before, CatalogProbe.tables(conn)), took,
                null, null, masked);
    }

    private static StatementCheck skipped(SqlStatement s, Operation expected, String why) {
        return new StatementCheck(s.index(), s.line(), s.text(), Map.of(), List.of(), Duration.ZERO, true, false, null, null,
                expected, List.of(), List.of(why));
    }

    /** Drops the shadow database, or rolls back everything done in-place. */
    @Override
    public void close() {
        closeQuietly();
        if (shadow != null) {
            shadow.close();
        }
    }

    private void closeQuietly() {
        try {
            if (!conn.getAutoCommit()) {
                conn.rollback();
            }
            conn.close();
        } catch (SQLException e) {
            LOG.warn("Closing the verification session on {}: {}", url, e.getMessage());
        }
    }
}
