package io.turnout.bench;

import io.turnout.activity.ActivityLog;
import io.turnout.connect.DefaultHostConnector;
import io.turnout.connect.LazyDockerHost;
import io.turnout.docker.DockerHostFactory;
import io.turnout.profile.ProfileStore;
import io.turnout.ssh.HostKeyPrompt;
import io.turnout.ssh.SecretPrompt;
import io.turnout.ssh.SshConfigFile;
import io.turnout.ssh.SshOptions;
import io.turnout.ui.common.FxTaskRunner;
import io.turnout.ui.containers.ContainerItem;
import io.turnout.ui.containers.ContainersNode;
import io.turnout.ui.shell.Shell;
import io.turnout.ui.shell.ShellFactory;
import io.turnout.ui.shell.UiStateStore;
import javafx.animation.AnimationTimer;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The real console (real window, real engine over SSH) for benchmark harnesses: waits for rows by
 * checking on every pulse, and records the longest gap between pulses (UI responsiveness).
 */
final class BenchConsole implements AutoCloseable {

    private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
    private final LazyDockerHost host;
    private Stage stage;
    private Shell shell;
    private volatile long lastPulse;
    private volatile long maxGapNanos;
    /** Pulse intervals since the last {@link #resetMaxGap()}, in nanos; written on the FX thread only. */
    private final long[] gaps = new long[1 << 16];
    private volatile int gapCount;
    private AnimationTimer pulses;

    BenchConsole(Path sshConfig, String hostSpec) throws Exception {
        SshConfigFile cfg = SshConfigFile.explicit(sshConfig);
        DefaultHostConnector connector = new DefaultHostConnector(DockerHostFactory.withDefaults(), cfg,
                SshOptions.defaults(cfg, HostKeyPrompt.rejecting(), SecretPrompt.none()),
                new ProfileStore(Files.createTempDirectory("bench-profiles")));
        host = new LazyDockerHost(hostSpec, connector, pool);
        host.connect();
        Path state = Files.createTempDirectory("bench-ui");
        CompletableFuture<Void> shown = new CompletableFuture<>();
        Platform.startup(() -> {
            stage = new Stage();
            shell = new ShellFactory(List.of(host), new ActivityLog(Clock.systemUTC()), FxTaskRunner.withDaemonPool(),
                    new UiStateStore(state), Instant::now, new SimpleObjectProperty<>(ColorScheme.LIGHT), r -> { }).create();
            shell.mount(stage);
            stage.setWidth(1400);
            stage.setHeight(820);
            stage.show();
            pulses = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long t = System.nanoTime();
                    if (lastPulse != 0) {
                        maxGapNanos = Math.max(maxGapNanos, t - lastPulse);
                        int n = gapCount;
                        if (n < gaps.length) {
                            gaps[n] = t - lastPulse;
                            gapCount = n + 1;
                        }
                    }
                    lastPulse = t;
                }
            };
            pulses.start();
            shown.complete(null);
        });
        shown.get(30, TimeUnit.SECONDS);
    }

    LazyDockerHost host() {
        return host;
    }

    /** Nanos when the FX thread first saw a row matching {@code row} (checked once per pulse). */
    long awaitRow(Predicate<ContainerItem> row, long timeoutMillis) throws Exception {
        return watchRow(row).get(timeoutMillis, TimeUnit.MILLISECONDS)[0];
    }

    /**
     * Starts watching, on every pulse, for a row matching {@code row}; completes with
     * {nanoTime, epoch micros} of the pulse that first saw it.
     */
    CompletableFuture<long[]> watchRow(Predicate<ContainerItem> row) {
        CompletableFuture<long[]> seen = new CompletableFuture<>();
        AnimationTimer[] probe = new AnimationTimer[1];
        Platform.runLater(() -> {
            probe[0] = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (anyRow(row)) {
                        Instant wall = Instant.now();
                        seen.complete(new long[] {System.nanoTime(), wall.getEpochSecond() * 1_000_000 + wall.getNano() / 1_000});
                        stop();
                    }
                }
            };
            probe[0].start();
        });
        seen.whenComplete((v, e) -> Platform.runLater(() -> probe[0].stop()));
        return seen;
    }

    int rowCount() throws Exception {
        CompletableFuture<Integer> n = new CompletableFuture<>();
        Platform.runLater(() -> {
            int count = 0;
            TreeTableView<ContainersNode> t = table();
            for (int i = 0; i < t.getExpandedItemCount(); i++) {
                if (t.getTreeItem(i).getValue() instanceof ContainerItem) {
                    count++;
                }
            }
            n.complete(count);
        });
        return n.get(10, TimeUnit.SECONDS);
    }

    void resetMaxGap() {
        maxGapNanos = 0;
        gapCount = 0;
    }

    /** The {@code q} quantile (0..1) of pulse intervals since {@link #resetMaxGap()}, in ms. */
    double gapQuantileMillis(double q) {
        int n = gapCount;
        if (n == 0) {
            return 0;
        }
        long[] sorted = java.util.Arrays.copyOf(gaps, n);
        java.util.Arrays.sort(sorted);
        return sorted[Math.min(n - 1, (int) Math.ceil(q * n) - 1)] / 1e6;
    }

    int pulseCount() {
        return gapCount;
    }

    double maxGapMillis() {
        return maxGapNanos / 1e6;
    }

    private boolean anyRow(Predicate<ContainerItem> row) {
        TreeTableView<ContainersNode> t = table();
        for (int i = 0; i < t.getExpandedItemCount(); i++) {
            if (t.getTreeItem(i).getValue() instanceof ContainerItem c && row.test(c)) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private TreeTableView<ContainersNode> table() {
        return (TreeTableView<ContainersNode>) stage.getScene().getRoot().lookup(".containers-view .tree-table-view");
    }

    @Override
    public void close() {
        Platform.runLater(() -> stage.close());
        host.close();
        pool.shutdown();
        Platform.exit();
    }
}
