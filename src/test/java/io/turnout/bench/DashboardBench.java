package io.turnout.bench;

import atlantafx.base.theme.PrimerLight;
import io.turnout.docker.DockerHost;
import io.turnout.timeline.SeriesKey;
import io.turnout.timeline.Timeline;
import io.turnout.timeline.TimelineSource;
import io.turnout.ui.common.UiStyles;
import io.turnout.ui.dashboard.DashboardController;
import io.turnout.ui.dashboard.DashboardViewModel;
import io.turnout.ui.dashboard.Dashboards;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The dashboard under its design load, in a real window (run under Xvfb): 20 series at 1 Hz with a
 * full hour already recorded, the 1 h window shown, then {@code seconds} of live 1 Hz updates. Records
 * every JavaFX pulse interval (an AnimationTimer keeps pulses running, so a busy FX thread shows as a
 * long interval), the cost of one dashboard update on the FX thread (slice + chart models + canvas
 * draw calls), and the JVM's heap and RSS. Usage: {@code DashboardBench [seconds]} (default 120).
 */
public final class DashboardBench {

    private static final int SERIES = 20;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        Timeline timeline = new Timeline(Clock.systemUTC());
        List<SeriesKey> keys = keys();
        Instant now = Instant.now();
        for (int s = 3600; s > 0; s--) {
            timeline.record(now.minusSeconds(s), values(keys, 3600 - s));
        }
        long[] pulseGaps = new long[seconds * 200 + 1000];
        int[] pulses = {0};
        long[] last = {0};
        List<Long> updateNanos = new ArrayList<>();
        CompletableFuture<DashboardController> shown = new CompletableFuture<>();
        Platform.startup(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            Dashboards dashboards = new Dashboards(new Dashboards.Sources() {
                @Override public Timeline timeline(DockerHost host, String stack) { return timeline; }
                @Override public TimelineSource sources(DockerHost host, String stack) { return TimelineSource.NONE; }
            }, ZoneId.systemDefault());
            var view = dashboards.create(null, "bench");
            Stage stage = new Stage();
            Scene scene = new Scene(view.root(), 1400, 940);
            scene.getStylesheets().add(UiStyles.CSS);
            stage.setScene(scene);
            stage.show();
            DashboardViewModel vm = view.controller().viewModel();
            vm.window(DashboardViewModel.LONG);
            // time every update the dashboard's own 1 Hz ticker makes: the model is set, then drawn, synchronously
            vm.modelProperty().addListener((o, a, b) -> updateNanos.add(System.nanoTime()));
            new AnimationTimer() {
                @Override
                public void handle(long t) {
                    long n = System.nanoTime();
                    if (last[0] != 0 && pulses[0] < pulseGaps.length) {
                        pulseGaps[pulses[0]++] = n - last[0];
                    }
                    last[0] = n;
                }
            }.start();
            shown.complete(view.controller());
        });
        DashboardController dashboard = shown.get(30, TimeUnit.SECONDS);

        // one update measured on the FX thread, 20 times, with the hour in view
        double[] tickMillis = new double[20];
        for (int i = 0; i < tickMillis.length; i++) {
            int k = i;
            CompletableFuture<Void> done = new CompletableFuture<>();
            Platform.runLater(() -> {
                long t0 = System.nanoTime();
                dashboard.viewModel().tick();
                tickMillis[k] = (System.nanoTime() - t0) / 1e6;
                done.complete(null);
            });
            done.get(10, TimeUnit.SECONDS);
        }

        ScheduledExecutorService feed = Executors.newSingleThreadScheduledExecutor();
        int[] tick = {3600};
        feed.scheduleAtFixedRate(() -> timeline.record(Instant.now(), values(keys, tick[0]++)), 0, 1, TimeUnit.SECONDS);
        CompletableFuture<Void> reset = new CompletableFuture<>();
        Platform.runLater(() -> {
            pulses[0] = 0;
            last[0] = 0;
            updateNanos.clear();
            reset.complete(null);
        });
        reset.get(10, TimeUnit.SECONDS);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            TimeUnit.MILLISECONDS.sleep(Math.min(1000, Math.max(1, (end - System.nanoTime()) / 1_000_000))); // a fixed run time
        }
        feed.shutdownNow();
        CompletableFuture<long[]> result = new CompletableFuture<>();
        Platform.runLater(() -> result.complete(Arrays.copyOf(pulseGaps, pulses[0])));
        long[] gaps = result.get(10, TimeUnit.SECONDS);
        int updates = updateNanos.size();
        Arrays.sort(gaps);
        Arrays.sort(tickMillis);
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "series %d, points per series %d (1 h at 1 Hz), window 1 h, live %d s, updates %d%n",
                SERIES, timeline.last(Duration.ofHours(1)).series().get(keys.getFirst()).size(), seconds, updates);
        System.out.printf(Locale.ROOT, "pulses %d: p50 %.1f ms, p99 %.1f ms, max %.1f ms, over 100 ms: %d%n", gaps.length,
                q(gaps, 0.5), q(gaps, 0.99), gaps.length == 0 ? 0 : gaps[gaps.length - 1] / 1e6,
                Arrays.stream(gaps).filter(g -> g > 100_000_000L).count());
        System.out.printf(Locale.ROOT, "one update on the FX thread (slice + models + draw calls): p50 %.1f ms, max %.1f ms%n",
                tickMillis[tickMillis.length / 2], tickMillis[tickMillis.length - 1]);
        System.out.printf(Locale.ROOT, "heap used after GC %.0f MB, RSS %s%n", (rt.totalMemory() - rt.freeMemory()) / 1e6, rss());
        Platform.exit();
        System.exit(0);
    }

    private static double q(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    /** 20 series named as the feeds name them: traffic and latency per color, health, database. */
    private static List<SeriesKey> keys() {
        List<SeriesKey> k = new ArrayList<>();
        for (String c : List.of("blue", "green")) {
            for (String m : List.of("rps", "5xx", "p50_ms", "p95_ms", "p99_ms", "share")) {
                k.add(SeriesKey.of("traffic", "web." + c + "." + m));
            }
            k.add(SeriesKey.of("health", "web." + c + ".readiness_ms"));
            k.add(SeriesKey.of("health", "web." + c + ".ok"));
        }
        for (String m : List.of("connections.active", "connections.idle", "connections.max", "tps.commit")) {
            k.add(SeriesKey.of("db", m));
        }
        return k;
    }

    /** Wavy, noisy values so every pixel column has a real min and max. */
    private static Map<SeriesKey, Double> values(List<SeriesKey> keys, int t) {
        Map<SeriesKey, Double> v = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            v.put(keys.get(i), 50 + 40 * Math.sin((t + i * 97) / 60.0) + (Math.floorMod(t * 31 + i * 17, 13)));
        }
        return v;
    }

    private static String rss() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return line.substring(6).trim();
            }
        }
        return "?";
    }

    private DashboardBench() {
    }
}
