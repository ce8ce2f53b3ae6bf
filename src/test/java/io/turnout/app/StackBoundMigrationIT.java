package io.turnout.app;

import io.turnout.connect.DefaultHostConnector;
import io.turnout.connect.StackHosts;
import io.turnout.db.Backups;
import io.turnout.db.DbConnector;
import io.turnout.db.DbUrl;
import io.turnout.db.UrlCredentials;
import io.turnout.docker.DockerHost;
import io.turnout.docker.DockerHostFactory;
import io.turnout.migrate.ClassifyOptions;
import io.turnout.migrate.FileClassification;
import io.turnout.migrate.MigrationClass;
import io.turnout.migrate.MigrationSource;
import io.turnout.plan.Plan;
import io.turnout.plan.PlanResult;
import io.turnout.plan.RunOptions;
import io.turnout.plan.Step;
import io.turnout.profile.ProfileStore;
import io.turnout.release.DockerStackOperations;
import io.turnout.ssh.HostKeyPrompt;
import io.turnout.ssh.SecretPrompt;
import io.turnout.ssh.SshConfigFile;
import io.turnout.ssh.SshOptions;
import io.turnout.stack.StackSpecs;
import io.turnout.testing.Sandbox;
import io.turnout.testing.ScratchDatabase;
import io.turnout.testing.StackYaml;
import io.turnout.ui.migrate.MigrationRun;
import io.turnout.ui.migrate.StackMigration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration wizard opened from a stack view runs the way {@code turnout migrate run --host
 * --stack} does: the database named by the stack's turnout.yml (no password in it; PGPASSWORD from
 * the environment), reached through the host's SSH session, a maintenance run behind the stack's
 * router, under its lock and in its history. Real sshd, dockerd, HAProxy and PostgreSQL.
 */
class StackBoundMigrationIT {

    @TempDir Path home;
    private final String stack = "wizmig" + UUID.randomUUID().toString().substring(0, 6);
    private ScratchDatabase db;
    private DockerHost host;
    private DockerStackOperations ops;
    private Backups backups;
    private EngineMigrationServices unbound;
    private String urlWithoutPassword;

    @BeforeEach
    void setUp() throws Exception {
        db = ScratchDatabase.create("wizstack");
        urlWithoutPassword = db.url().jdbcUrl().replaceAll("[?&]password=[^&]*", "");
        Map<String, String> env = Map.of("PGPASSWORD", UrlCredentials.of(db.url(), Map.of()).password().orElseThrow());
        backups = new Backups(home.resolve("backups"), Clock.systemUTC(), 3);
        unbound = new EngineMigrationServices(DbConnector.direct(), backups, env, Clock.systemUTC());
        SshConfigFile cfg = SshConfigFile.explicit(Sandbox.sshConfig());
        host = new DefaultHostConnector(DockerHostFactory.withDefaults(), cfg,
                SshOptions.defaults(cfg, HostKeyPrompt.rejecting(), SecretPrompt.none()), new ProfileStore(home.resolve("profiles")))
                .open(Sandbox.host());
        ops = new DockerStackOperations(StackHosts.of(host), stack, Clock.systemUTC(), 3);
        PlanResult applied = ops.execute(ops.planApply(StackSpecs.parse(
                StackYaml.web(stack, freePort(), "2s", StackYaml.database(urlWithoutPassword)))), RunOptions.simple("wizmig-apply"));
        assertThat(applied.succeeded()).as("apply: %s", applied.error()).isTrue();
    }

    @AfterEach
    void tearDown() {
        try {
            if (ops != null) {
                ops.lock().ifPresent(l -> ops.forceReleaseLock());
                ops.execute(ops.planRemove(), RunOptions.simple("wizmig-remove"));
            }
        } finally {
            if (host != null) {
                host.close();
            }
            db.close();
        }
    }

    @Test
    void aMaintenanceRunFromTheStackUsesItsDatabaseRouterLockAndHistory() throws Exception {
        StackMigration bound = unbound.forStack(ops, host);
        assertThat(bound.database()).isEqualTo(urlWithoutPassword);

        List<MigrationSource> sources = List.of(
                new MigrationSource("V1__create.sql", "create table items (id bigint primary key);\n"),
                new MigrationSource("V2__retype.sql", "alter table items alter column id type text;\n"));
        ClassifyOptions options = ClassifyOptions.postgres(bound.services().serverVersion(DbUrl.parse(bound.database())));
        List<FileClassification> files = bound.services().classify(sources, options);
        assertThat(files).extracting(FileClassification::migrationClass).contains(MigrationClass.MAINTENANCE);
        MigrationRun run = new MigrationRun(DbUrl.parse(bound.database()), stack, sources, MigrationClass.MAINTENANCE, options, "wizard-stack");

        Plan plan = bound.services().migrationPlan(run);
        assertThat(plan.steps()).extracting(Step::title).anySatisfy(t -> assertThat(t).containsIgnoringCase("maintenance"));
        PlanResult result = bound.services().execute(plan, RunOptions.simple("wizmig-run"));

        assertThat(result.succeeded()).as("run: %s", result.error()).isTrue();
        assertThat(ops.history(5)).anySatisfy(h -> assertThat(h.kind()).isEqualTo("migrate"));
        assertThat(ops.lock()).isEmpty();
        assertThat(ops.status().maintenance()).isFalse();
        assertThat(backups.list()).singleElement().satisfies(b -> {
            assertThat(b.label()).isEqualTo("wizard-stack");
            assertThat(b.host()).isEqualTo(host.target().label()).isNotEqualTo("local");
        });
        try (var c = db.connect(); ResultSet rs = c.createStatement().executeQuery(
                "select data_type from information_schema.columns where table_name = 'items' and column_name = 'id'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("text");
        }
    }

    @Test
    void theSameRunWithoutAStackIsRefusedForWantOfARouter() {
        List<MigrationSource> sources = List.of(new MigrationSource("V1__retype.sql", "create table t (id int); alter table t alter column id type bigint;\n"));
        MigrationRun run = new MigrationRun(db.url(), null, sources, MigrationClass.MAINTENANCE, ClassifyOptions.postgres(15), "wizard-local");

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> unbound.execute(unbound.migrationPlan(run), RunOptions.simple("wizmig-local"))))
                .isNotNull().hasMessageContaining("router");
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
