package io.turnout.app;

import io.turnout.activity.ActivityLog;
import io.turnout.connect.HostConnector;
import io.turnout.connect.LazyDockerHost;
import io.turnout.docker.DockerHost;
import io.turnout.profile.ConnectionProfile;
import io.turnout.ssh.HostKeyChangedException;
import io.turnout.ssh.HostKeyDecision;
import io.turnout.target.ConnectionState;
import io.turnout.target.TargetUri;
import io.turnout.ssh.HostKeyPrompt;
import io.turnout.ssh.SecretPrompt;
import io.turnout.ui.TurnoutFx;
import io.turnout.ui.common.FxTaskRunner;
import io.turnout.ui.connect.AddHostRequest;
import io.turnout.ui.connect.ConnectPrompts;
import io.turnout.ui.connect.HostKey;
import io.turnout.ui.shell.Shell;
import io.turnout.ui.shell.ShellFactory;
import io.turnout.ui.shell.UiState;
import io.turnout.ui.shell.UiStateStore;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The composition root's GUI half: builds the shell from engine objects, shows the window at once
 * and connects hosts in the background (prompts for host keys and passphrases come up as dialogs).
 */
final class GuiLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(GuiLauncher.class);

    private final AppServices services;
    private final Path sshConfig;
    private ConnectPrompts prompts;

    GuiLauncher(AppServices services, Path sshConfig) {
        this.services = services;
        this.sshConfig = sshConfig;
    }

    /** Held so the setting sticks: JUL keeps loggers weakly. */
    private static final java.util.logging.Logger JAVAFX_STARTUP = java.util.logging.Logger.getLogger("javafx");

    /**
     * Starts the JavaFX toolkit early, off the main thread (see {@link TurnoutFx#prestart()}).
     * Running JavaFX from the class path is deliberate (ADR 6); its startup warning says otherwise.
     */
    static void prestart() {
        JAVAFX_STARTUP.setLevel(java.util.logging.Level.SEVERE);
        TurnoutFx.prestart();
    }

    int run(List<String> requested) {
        prestart(); // idempotent: Main already started the toolkit when it saw a console verb
        UiStateStore store = new UiStateStore(services.dirs().config());
        UiState state = store.load();
        ExecutorService connects = Executors.newVirtualThreadPerTaskExecutor();
        AtomicReference<Window> owner = new AtomicReference<>();
        prompts = new ConnectPrompts(owner::get);
        HostConnector connector = services.connector(sshConfig, hostKeys(prompts), passphrases(prompts));
        Map<String, TargetUri> initial = initialHosts(requested, state.openHosts(), connector);
        List<LazyDockerHost> opened = new ArrayList<>();
        try (FxTaskRunner runner = FxTaskRunner.withDaemonPool()) {
            LOG.info("gui: launching toolkit {} ms after JVM start", sinceStart());
            TurnoutFx.run(() -> {
                LOG.info("gui: toolkit up {} ms after JVM start", sinceStart());
                AtomicReference<Shell> shell = new AtomicReference<>();
                List<DockerHost> hosts = initial.entrySet().stream()
                        .<DockerHost>map(e -> open(e.getKey(), e.getValue(), connector, connects, opened)).toList();
                shell.set(new ShellFactory(hosts, new ActivityLog(java.time.Clock.systemUTC()), runner, store, Instant::now,
                        Platform.getPreferences().colorSchemeProperty(),
                        request -> {
                            LazyDockerHost added = open(request.target().toString(), request.target(), connector, connects, opened);
                            if (!shell.get().addHost(added)) {
                                connects.execute(added::close); // already open: the shell kept the first one
                            }
                            if (request.remember()) {
                                connects.execute(() -> remember(request));
                            }
                        },
                        () -> services.catalog(sshConfig).all(),
                        name -> services.profiles().remove(name))
                        .withStacks(services::stackOperations)
                        .withMigrations(services.migrations())
                        .withDashboards(services.dashboardSources())
                        .create(state));
                LOG.info("gui: shell built {} ms after JVM start", sinceStart());
                return shell.get();
            }, stage -> decorate(stage, owner));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            opened.forEach(h -> connects.execute(h::close));
            connects.shutdown();
        }
        return 0;
    }

    private LazyDockerHost open(String spec, TargetUri target, HostConnector connector, ExecutorService connects,
                                List<LazyDockerHost> opened) {
        LazyDockerHost host = new LazyDockerHost(spec, target, connector, connects);
        opened.add(host);
        host.connection().subscribe(state -> {
            if (state instanceof ConnectionState.Failed) {
                host.failure().flatMap(GuiLauncher::changedKey).ifPresent(c -> connects.execute(() -> warn(c)));
            }
        });
        host.connect();
        return host;
    }

    /** "Remember this host": a saved profile (name and URI only; profiles never hold secrets). */
    private void remember(AddHostRequest request) {
        try {
            services.profiles().save(ConnectionProfile.saved(request.profileName(), request.target().toString()));
        } catch (java.io.UncheckedIOException e) {
            LOG.warn("Cannot remember {}: {}", request.target(), e.getMessage());
        }
    }

    /** A changed host key gets the full warning dialog, not only the status line. */
    private void warn(HostKeyChangedException changed) {
        try {
            prompts.showChangedHostKey(changed.host(), "", changed.knownFingerprint(), changed.presentedFingerprint());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<HostKeyChangedException> changedKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HostKeyChangedException c) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * Hosts named on the command line plus those open when the console last closed; with neither,
     * the local engine when its socket exists.
     */
    private Map<String, TargetUri> initialHosts(List<String> requested, List<String> lastOpen, HostConnector connector) {
        Set<String> specs = new LinkedHashSet<>(requested);
        specs.addAll(lastOpen);
        if (specs.isEmpty() && Files.exists(services.localSocket())) {
            specs.add("local");
        }
        // Resolved here, on the main thread (saved profiles are read); two specs naming the same
        // target (an alias and its ssh:// form, `local` and its socket) open it once.
        Map<String, TargetUri> out = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String spec : specs) {
            try {
                TargetUri target = connector.resolve(spec);
                if (seen.add(target.toString())) {
                    out.put(spec, target);
                }
            } catch (IllegalArgumentException e) {
                LOG.warn("Not opening '{}': {}", spec, e.getMessage());
            }
        }
        return out;
    }

    private static void decorate(Stage stage, AtomicReference<Window> owner) {
        owner.set(stage);
        stage.setTitle("Turnout");
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            var url = GuiLauncher.class.getResource("/io/turnout/icons/turnout-" + size + ".png");
            if (url != null) {
                stage.getIcons().add(new Image(url.toExternalForm()));
            }
        }
        stage.setOnShown(e -> LOG.info("first window shown {} ms after JVM start", sinceStart()));
    }

    private static long sinceStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    private static HostKeyPrompt hostKeys(ConnectPrompts prompts) {
        return key -> {
            try {
                return switch (prompts.askUnknownHostKey(new HostKey(key.host(), key.keyType(), key.fingerprint()))) {
                    case TRUST_ONCE -> HostKeyDecision.TRUST_ONCE;
                    case TRUST_AND_REMEMBER -> HostKeyDecision.TRUST_ALWAYS;
                    case CANCEL -> HostKeyDecision.REJECT;
                };
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return HostKeyDecision.REJECT;
            }
        };
    }

    private static SecretPrompt passphrases(ConnectPrompts prompts) {
        return keyPath -> {
            try {
                return prompts.askPassphrase(keyPath);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        };
    }

}
