package io.turnout.cli;

import io.turnout.connect.DefaultHostConnector;
import io.turnout.db.ContainerDump;
import io.turnout.db.DbConnector;
import io.turnout.db.DbUrl;
import io.turnout.db.DumpSource;
import io.turnout.db.PgTools;
import io.turnout.docker.DockerHost;
import io.turnout.migrate.MigrationTarget;
import io.turnout.plan.Plan;
import io.turnout.plan.Step;
import io.turnout.stack.StackSpec;

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
    private final DockerHost docker;
    private final DbConnector connector;
    private final DbUrl url;
    private final String hostLabel;
    private final StackSpec.DatabaseSpec database;
    private final Map<String, String> env;

    private DbSession(StackSession stackSession, DockerHost docker, DbConnector connector, DbUrl url, String hostLabel,
                      StackSpec.DatabaseSpec database, Map<String, String> env) {
        this.stackSession = stackSession;
        this.docker = docker;
        this.connector = connector;
        this.url = url;
        this.hostLabel = hostLabel;
        this.database = database;
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
            return new DbSession(null, null, DbConnector.direct(), withPassword(DbUrl.parse(t.db), env), "local", null, env);
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
            StackSpec spec = s.ops().definition();
            StackSpec.DatabaseSpec db = spec.database();
            if (db == null && t.db == null) {
                throw new IllegalArgumentException("Stack '" + t.stack + "' has no database section in its turnout.yml; add database.url or pass --db.");
            }
            DbUrl url = withPassword(DbUrl.parse(t.db != null ? t.db : db.url()), env);
            DbConnector connector = DefaultHostConnector.sshOf(s.docker()).map(DbConnector::through).orElseGet(DbConnector::direct);
            return new DbSession(s, s.docker(), connector, url, s.docker().target().label(), db, env);
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /**
     * The CLI's environment (which tests supply) is the one PGPASSWORD source every connection sees:
     * JDBC, Flyway, pg_dump. The URL only ever leaves this process masked.
     */
    static DbUrl withPassword(DbUrl url, Map<String, String> env) {
        String pw = env.get("PGPASSWORD");
        if (pw == null || pw.isEmpty() || url.jdbcUrl().toLowerCase(java.util.Locale.ROOT).contains("password=")) {
            return url;
        }
        String sep = url.jdbcUrl().contains("?") ? "&" : "?";
        return DbUrl.parse(url.jdbcUrl() + sep + "password=" + java.net.URLEncoder.encode(pw, java.nio.charset.StandardCharsets.UTF_8));
    }

    DbConnector connector() {
        return connector;
    }

    DbUrl url() {
        return url;
    }

    String hostLabel() {
        return hostLabel;
    }

    PgTools tools() {
        return new PgTools(connector, url, env, TOOL_TIMEOUT);
    }

    /** pg_dump in the database's container when the stack names one, else on this workstation. */
    DumpSource dumpSource() {
        if (database != null && database.container() != null && docker != null) {
            return new ContainerDump(DefaultHostConnector.engineOf(docker).api(), database.container(), url, env, TOOL_TIMEOUT);
        }
        return tools().dumpSource();
    }

    /** PATH as given, else the stack's database.migrations (relative to the working directory, where turnout.yml is). */
    Path migrations(Path given) {
        if (given != null) {
            return given;
        }
        if (database != null && database.migrations() != null) {
            return Path.of(database.migrations());
        }
        throw new IllegalArgumentException("Give the migrations folder (PATH), or set database.migrations in the stack's turnout.yml.");
    }

    MigrationTarget migrationTarget() {
        Step on = null;
        Step off = null;
        String stack = null;
        if (stackSession != null) {
            on = single(stackSession.ops().planMaintenance(true));
            off = single(stackSession.ops().planMaintenance(false));
            stack = stackSession.ops().stack();
        }
        return new MigrationTarget(connector, url, hostLabel, dumpSource(), tools(), on, off, stack);
    }

    private static Step single(Plan p) {
        return p.steps().getFirst();
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
