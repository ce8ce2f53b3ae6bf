package io.turnout.cli;

import io.turnout.connect.StackDatabase;
import io.turnout.db.DbConnector;
import io.turnout.db.DbUrl;
import io.turnout.db.DumpSource;
import io.turnout.db.PgTools;
import io.turnout.migrate.MigrationTarget;
import io.turnout.plan.Plan;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One CLI command's way to a database: direct for {@code --db}, through the Docker host's SSH
 * tunnel for {@code --host}, and for {@code --host --stack} the stack's own database section
 * (URL, migrations folder, container for pg_dump) and its router for maintenance mode.
 */
final class DbSession implements AutoCloseable {

    static final Duration TOOL_TIMEOUT = Duration.ofHours(2);

    private final StackSession stackSession;
    private final StackDatabase stackDb;
    private final DbConnector connector;
    private final DbUrl url;
    private final Map<String, String> env;

    /** @param stackDb the stack's database (tunnel, pg_dump, router) with --host --stack; null with --db alone */
    private DbSession(StackSession stackSession, StackDatabase stackDb, DbUrl url, Map<String, String> env) {
        this.stackSession = stackSession;
        this.stackDb = stackDb;
        this.connector = stackDb == null ? DbConnector.direct() : stackDb.connector();
        this.url = url;
        this.env = env;
    }

    static DbSession open(TurnoutCommand root, DbTarget t) {
        Map<String, String> env = root.services().environment();
        if (t.host == null) {
            if (t.db == null) {
                throw new IllegalArgumentException("Say which database: --db JDBC_URL, or --host H --stack S for a stack's database.");
            }
            if (t.stack != null) {
                throw new IllegalArgumentException("--stack needs --host (the Docker host the stack runs on).");
            }
            return new DbSession(null, null, DbUrl.parse(t.db).withPasswordFrom(env), env);
        }
        if (t.stack == null) {
            if (t.db == null) {
                throw new IllegalArgumentException("With --host, give --stack (its turnout.yml names the database) or --db.");
            }
            throw new IllegalArgumentException("--host without --stack is not supported yet: give --stack, or --db alone for a database this"
                    + " workstation reaches directly.");
        }
        StackSession s = StackSession.open(root, t.host, t.stack);
        try {
            StackDatabase db = StackDatabase.of(s.docker(), s.ops());
            if (db.spec().isEmpty() && t.db == null) {
                throw new IllegalArgumentException("Stack '" + t.stack + "' has no database section in its turnout.yml; add database.url or pass --db.");
            }
            DbUrl url = DbUrl.parse(t.db != null ? t.db : db.spec().get().url()).withPasswordFrom(env);
            return new DbSession(s, db, url, env);
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    DbConnector connector() {
        return connector;
    }

    DbUrl url() {
        return url;
    }

    String hostLabel() {
        return stackDb == null ? "local" : stackDb.hostLabel();
    }

    PgTools tools() {
        return new PgTools(connector, url, env, TOOL_TIMEOUT);
    }

    /** pg_dump in the database's container when the stack names one, else on this workstation. */
    DumpSource dumpSource() {
        return stackDb == null ? tools().dumpSource() : stackDb.dumpSource(url, env, TOOL_TIMEOUT);
    }

    /** PATH as given, else the stack's database.migrations (relative to the working directory, where turnout.yml is). */
    Path migrations(Path given) {
        if (given != null) {
            return given;
        }
        var database = stackDb == null ? null : stackDb.spec().orElse(null);
        if (database != null && database.migrations() != null) {
            return Path.of(database.migrations());
        }
        throw new IllegalArgumentException("Give the migrations folder (PATH), or set database.migrations in the stack's turnout.yml.");
    }

    MigrationTarget migrationTarget() {
        return stackDb == null ? new MigrationTarget(connector, url, "local", dumpSource(), tools(), null, null, null)
                : stackDb.migrationTarget(url, env, TOOL_TIMEOUT);
    }

    /** Runs a plan: under the stack's lock and journal with a stack, else by a plain executor. */
    int run(PlanRunner runner, Plan plan) {
        if (stackSession != null) {
            return runner.run(stackSession.ops(), plan);
        }
        return runner.run(o -> new io.turnout.plan.Executor(java.time.Clock.systemUTC()).run(plan, o), plan);
    }

    @Override
    public void close() {
        if (stackSession != null) {
            stackSession.close();
        }
    }
}
