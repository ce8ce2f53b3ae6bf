package io.turnout.connect;

import io.turnout.db.ContainerDump;
import io.turnout.db.DbConnector;
import io.turnout.db.DbUrl;
import io.turnout.db.DumpSource;
import io.turnout.db.PgTools;
import io.turnout.docker.DockerHost;
import io.turnout.migrate.MigrationTarget;
import io.turnout.plan.Plan;
import io.turnout.plan.Step;
import io.turnout.release.StackOperations;
import io.turnout.stack.StackSpec;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A stack's database as this workstation reaches it: through the Docker host's SSH session when
 * there is one, {@code pg_dump} inside the database container its turnout.yml names (else here),
 * and the stack's router for a maintenance window. The CLI's {@code --host --stack} and the
 * console's stack-bound migration wizard both build their {@link MigrationTarget} here.
 */
public final class StackDatabase {

    private final DockerHost host;
    private final StackOperations ops;
    private final StackSpec.DatabaseSpec spec;
    private final DbConnector connector;

    private StackDatabase(DockerHost host, StackOperations ops, StackSpec.DatabaseSpec spec) {
        this.host = host;
        this.ops = ops;
        this.spec = spec;
        this.connector = DefaultHostConnector.sshOf(host).map(DbConnector::through).orElseGet(DbConnector::direct);
    }

    /** Reads the stack's definition (blocks). */
    public static StackDatabase of(DockerHost host, StackOperations ops) {
        return new StackDatabase(host, ops, ops.definition().database());
    }

    /** Direct for a local engine, else a tunnel through the host's SSH session: URLs name the database as the host sees it. */
    public DbConnector connector() {
        return connector;
    }

    /** The turnout.yml's {@code database:} section; empty when it has none. */
    public Optional<StackSpec.DatabaseSpec> spec() {
        return Optional.ofNullable(spec);
    }

    public String hostLabel() {
        return host.target().label();
    }

    public StackOperations operations() {
        return ops;
    }

    /** pg_dump in the database's container when the stack names one, else on this workstation. */
    public DumpSource dumpSource(DbUrl url, Map<String, String> env, Duration timeout) {
        if (spec != null && spec.container() != null) {
            return new ContainerDump(DefaultHostConnector.engineOf(host).api(), spec.container(), url, env, timeout);
        }
        return new PgTools(connector, url, env, timeout).dumpSource();
    }

    /** The target a migration plan runs against, with the router's maintenance steps for a maintenance run. */
    public MigrationTarget migrationTarget(DbUrl url, Map<String, String> env, Duration timeout) {
        return new MigrationTarget(connector, url, hostLabel(), dumpSource(url, env, timeout), new PgTools(connector, url, env, timeout),
                single(ops.planMaintenance(true)), single(ops.planMaintenance(false)), ops.stack());
    }

    private static Step single(Plan p) {
        return p.steps().getFirst();
    }
}
