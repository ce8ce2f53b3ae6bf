package io.turnout.app;

import io.turnout.cli.CliServices;
import io.turnout.cli.EnvDefaults;
import io.turnout.connect.DefaultHostCatalog;
import io.turnout.connect.DefaultHostConnector;
import io.turnout.connect.HostCatalog;
import io.turnout.connect.HostConnector;
import io.turnout.connect.StackHosts;
import io.turnout.docker.ContainerFeed;
import io.turnout.docker.DockerClients;
import io.turnout.docker.DockerContexts;
import io.turnout.docker.DockerHost;
import io.turnout.docker.DockerHostFactory;
import io.turnout.profile.ProfileStore;
import io.turnout.release.DockerStackOperations;
import io.turnout.release.MarkingStackOperations;
import io.turnout.release.StackFeeds;
import io.turnout.db.DbConnector;
import io.turnout.db.DbUrl;
import io.turnout.health.ContainerReach;
import io.turnout.release.StackOperations;
import io.turnout.ssh.HostKeyPrompt;
import io.turnout.ssh.SecretPrompt;
import io.turnout.ssh.SshConfigFile;
import io.turnout.ssh.SshOptions;
import io.turnout.target.TargetUri;
import io.turnout.timeline.Timeline;
import io.turnout.timeline.TimelineSource;
import io.turnout.timeline.Timelines;
import io.turnout.ui.dashboard.Dashboards;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The composition root's engine half: builds engine objects by hand, for the CLI and the GUI. */
final class AppServices implements CliServices {

    private final AppDirs dirs;
    private final Map<String, String> env;
    private final Path home;
    private final Timelines timelines;
    private final Map<String, StackFeeds> feeds = new java.util.concurrent.ConcurrentHashMap<>();

    AppServices(AppDirs dirs, Map<String, String> env, Path home) {
        this(dirs, env, home, new Timelines(Clock.systemUTC()));
    }

    /** @param timelines the console's one set of per-target timelines (the last hour of graphs and release markers) */
    AppServices(AppDirs dirs, Map<String, String> env, Path home, Timelines timelines) {
        this.dirs = dirs;
        this.env = env;
        this.home = home;
        this.timelines = timelines;
    }

    AppDirs dirs() {
        return dirs;
    }

    ProfileStore profiles() {
        return new ProfileStore(dirs.config());
    }

    static SshConfigFile sshConfigFile(Path explicit) {
        return explicit != null ? SshConfigFile.explicit(explicit) : SshConfigFile.defaults();
    }

    @Override
    public Map<String, String> environment() {
        return env;
    }

    /**
     * The engine's operations on one stack of an open host, for the GUI's stack views. Blocking (it
     * opens SFTP and tunnels on the host's SSH session): called off the FX thread.
     */
    StackOperations stackOperations(DockerHost host, String stack) {
        StackOperations ops = new DockerStackOperations(StackHosts.of(host), stack, Clock.systemUTC(), EnvDefaults.rollbackLimit(env));
        // every run started from the GUI also marks the stack's timeline (switch, gate, drain, rollback)
        return new MarkingStackOperations(ops, timeline(host, stack));
    }

    /** One timeline per stack of a host: "ssh://deploy@prod-1/shop". */
    Timeline timeline(DockerHost host, String stack) {
        return timelines.of(host.target() + "/" + stack);
    }

    /** A stack's feeds, one set per stack however many views show it. */
    private StackFeeds feeds(DockerHost host, String stack) {
        return feeds.computeIfAbsent(host.target() + "/" + stack, id -> new StackFeeds(() -> StackHosts.of(host), stack,
                timeline(host, stack), Clock.systemUTC(),
                // a database often listens only inside the host's Docker network: reach it through the host's SSH session
                () -> DefaultHostConnector.sshOf(host).map(DbConnector::through).orElseGet(DbConnector::direct),
                () -> DefaultHostConnector.sshOf(host).map(ContainerReach::through).orElse(ContainerReach.DIRECT),
                io.turnout.alert.AlertNotifiers.fromEnvironment(System.getenv())));
    }

    /** The dashboards' timelines and the feeds that fill them while a dashboard shows. */
    Dashboards.Sources dashboardSources() {
        return new Dashboards.Sources() {
            @Override
            public Timeline timeline(DockerHost host, String stack) {
                return AppServices.this.timeline(host, stack);
            }

            @Override
            public TimelineSource sources(DockerHost host, String stack) {
                return feeds(host, stack);
            }

            @Override
            public void database(DockerHost host, String stack, String jdbcUrl) {
                feeds(host, stack).database(DbUrl.parse(jdbcUrl));
            }
        };
    }

    /**
     * The migration wizard's engine: classifier, shadow verifier, planner, backups and migration plans.
     * Databases are reached directly from the workstation (a stack's tunnel comes with its database spec).
     */
    EngineMigrationServices migrations() {
        // the same backup folder as `turnout db backup`: TURNOUT_BACKUP_DIR, else ~/.turnout/backups
        String dir = env.get("TURNOUT_BACKUP_DIR");
        io.turnout.db.Backups backups = new io.turnout.db.Backups(dir == null || dir.isBlank() ? io.turnout.db.Backups.defaultRoot()
                : Path.of(dir), Clock.systemUTC(), io.turnout.db.Backups.DEFAULT_KEEP);
        return new EngineMigrationServices(io.turnout.db.DbConnector.direct(), backups, env, Clock.systemUTC());
    }

    /** Docker clients that see the environment this was built with (DOCKER_HOST, DOCKER_CERT_PATH, HOME). */
    private DockerClients dockerClients() {
        return new DockerClients(Duration.ofSeconds(5), Duration.ofSeconds(60), env);
    }

    /** The local engine's socket, from the same DOCKER_HOST rule the connector uses for {@code local}. */
    Path localSocket() {
        TargetUri local = dockerClients().localDefaultTarget();
        return local.scheme() == TargetUri.Scheme.UNIX ? Path.of(local.path()) : Path.of(DockerClients.DEFAULT_SOCKET);
    }

    @Override
    public HostCatalog catalog(Path sshConfig) {
        return new DefaultHostCatalog(profiles(), sshConfigFile(sshConfig),
                new DockerContexts(home.resolve(".docker"), env.get("DOCKER_CONTEXT")), localSocket());
    }

    @Override
    public HostConnector connector(Path sshConfig, HostKeyPrompt hostKeys, SecretPrompt secrets) {
        SshConfigFile cfg = sshConfigFile(sshConfig);
        // the engine sees the environment this was built with (DOCKER_CERT_PATH, HOME, SSH_AUTH_SOCK)
        DockerHostFactory docker = new DockerHostFactory(dockerClients(), ContainerFeed.Settings.defaults(), Duration.ofSeconds(5));
        SshOptions ssh = SshOptions.defaults(cfg, hostKeys, secrets).withAgentSocket(SshOptions.agentSocketFrom(env));
        return new DefaultHostConnector(docker, cfg, ssh, profiles());
    }

    @Override
    public int openGui(Path sshConfig, List<String> hosts) {
        return new GuiLauncher(this, sshConfig).run(hosts);
    }

    @Override
    public DemoTarget prepareDemo(Path sshConfig) {
        return new DemoSetup(this, env).prepare(sshConfig);
    }
}
