package io.turnout.bench;

import io.turnout.activity.ActivityLog;
import io.turnout.connect.DefaultHostConnector;
import io.turnout.connect.LazyDockerHost;
import io.turnout.docker.DockerHost;
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
    private final DockerHost host;
    private Stage stage;
    private Shell shell;
    private volatile long lastPulse;
    private volatile long maxGapNanos;
    /** Pulse intervals since the last {@link #resetMaxGap()}, in nanos; written on the FX thread only. */
    private final long[] gaps = new long[1 << 16];
    private volatile int gapCount;
    private AnimationTimer pulses;
    /** Input probe: posted → run on the FX thread, and posted → end of the layout pass of the pulse after it (nanos). */
    private final long[] dispatched = new long[1 << 14];
    private final long[] laidOut = new long[1 << 14];
    private volatile int probeCount;
    private volatile boolean probing;
    private volatile Probe pendingProbe;

    /** One posted probe: posted and run (nanos, run written on the FX thread), completed after the next layout pass. */
    private static final class Probe {
        final long posted = System.nanoTime();
        volatile long ran;
        final CompletableFuture<Void> laidOut = new CompletableFuture<>();
    }

    BenchConsole(Path sshConfig, String hostSpec) throws Exception {
        this(connect(sshConfig, hostSpec));
    }

    private static LazyDockerHost connect(Path sshConfig, String hostSpec) throws Exception {
        SshConfigFile cfg = SshConfigFile.explicit(sshConfig);
        DefaultHostConnector connector = new DefaultHostConnector(DockerHostFactory.withDefaults(), cfg,
                SshOptions.defaults(cfg, HostKeyPrompt.rejecting(), SecretPrompt.none()),
                new ProfileStore(Files.createTempDirectory("bench-profiles")));
        LazyDockerHost host = new LazyDockerHost(hostSpec, connector, Executors.newVirtualThreadPerTaskExecutor());
        host.connect();
        return host;
    }

    /** The console showing {@code host} (already connecting or connected); closes it on {@link #close()}. */
    BenchConsole(DockerHost host) throws Exception {
        this.host = host;
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
            stage.getScene().addPostLayoutPulseListener(() -> {
                Probe p = pendingProbe;
                if (p != null && p.ran != 0) {
                    pendingProbe = null;
                    int n = probeCount;
                    if (n < dispatched.length) {
                        dispatched[n] = p.ran - p.posted;
                        laidOut[n] = System.nanoTime() - p.posted;
                        probeCount = n + 1;
                    }
                    p.laidOut.complete(null);
                }
            });
            shown.complete(null);
        });
        shown.get(30, TimeUnit.SECONDS);
    }

    DockerHost host() {
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

    /**
     * Returns at the start of the {@code n}th pulse from now: by then the pulse that was running
     * (e.g. the one whose animation phase saw a row, before its CSS, layout and render) is over.
     */
    void awaitPulses(int n) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> new AnimationTimer() {
            private int seen;

            @Override
            public void handle(long now) {
                if (++seen >= n) {
                    stop();
                    done.complete(null);
                }
            }
        }.start());
        done.get(30, TimeUnit.SECONDS);
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

    /** Heights of the rows the table shows (distinct values), e.g. to check a fixed cell size. */
    java.util.Set<Double> rowHeights() throws Exception {
        CompletableFuture<java.util.Set<Double>> h = new CompletableFuture<>();
        Platform.runLater(() -> h.complete(new java.util.TreeSet<>(table().lookupAll(".tree-table-row-cell").stream()
                .filter(javafx.scene.Node::isVisible).map(n -> ((javafx.scene.layout.Region) n).getHeight()).toList())));
        return h.get(10, TimeUnit.SECONDS);
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

    /**
     * Starts posting one probe every {@code everyMillis} from a background thread, as an input event
     * would arrive: it records how long the FX thread took to run it and to finish the layout pass
     * of the next pulse (the pulse that would draw the input's effect; painting follows on the
     * render thread). Resets earlier probe figures.
     */
    void startInputProbe(long everyMillis) {
        probeCount = 0;
        probing = true;
        pool.submit(() -> {
            while (probing) {
                Probe p = new Probe();
                pendingProbe = p;
                Platform.runLater(() -> {
                    p.ran = System.nanoTime();
                    Platform.requestNextPulse();
                });
                p.laidOut.get(10, TimeUnit.SECONDS);
                Thread.sleep(everyMillis); // pacing between probes (a measurement interval, not a wait)
            }
            return null;
        });
    }

    void stopInputProbe() {
        probing = false;
    }

    /** "input probe (n=…): dispatch p50/p99/max …, to next layout p50/p99/max …" since {@link #startInputProbe}. */
    String inputProbeSummary() {
        int n = probeCount;
        if (n == 0) {
            return "input probe: no samples";
        }
        long[] d = java.util.Arrays.copyOf(dispatched, n);
        long[] l = java.util.Arrays.copyOf(laidOut, n);
        java.util.Arrays.sort(d);
        java.util.Arrays.sort(l);
        return String.format(java.util.Locale.ROOT,
                "input probe (runLater from a background thread every 50 ms, n=%d): dispatch p50 %.0f / p99 %.0f / max %.0f ms;"
                        + " to end of next layout pass p50 %.0f / p99 %.0f / max %.0f ms",
                n, q(d, 0.5), q(d, 0.99), d[n - 1] / 1e6, q(l, 0.5), q(l, 0.99), l[n - 1] / 1e6);
    }

    private static double q(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(q * sorted.length) - 1))] / 1e6;
    }

    /** How many pulse intervals since {@link #resetMaxGap()} were longer than {@code millis}. */
    int gapsOver(double millis) {
        int n = gapCount;
        int over = 0;
        for (int i = 0; i < n; i++) {
            if (gaps[i] > millis * 1e6) {
                over++;
            }
        }
        return over;
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
        probing = false;
        Platform.runLater(() -> stage.close());
        host.close();
        pool.shutdown();
        Platform.exit();
    }
}
