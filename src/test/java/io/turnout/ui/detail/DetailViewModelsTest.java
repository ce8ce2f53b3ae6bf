package io.turnout.ui.detail;

import io.turnout.docker.ContainerDetails;
import io.turnout.docker.ContainerDetails.EnvVar;
import io.turnout.docker.ContainerDetails.HealthProbe;
import io.turnout.docker.Health;
import io.turnout.docker.LogLine;
import io.turnout.ui.common.ImmediateTaskRunner;
import io.turnout.ui.fixtures.Rows;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class DetailViewModelsTest {

    private final ImmediateTaskRunner runner = new ImmediateTaskRunner();

    @Test
    void maskedEnvValuesAreShownAsBulletsAndNeverTheValue() {
        var details = new ContainerDetails(Rows.row("id1", "web", "shop", "web", "blue", Health.HEALTHY), "sha256:abcdef0123456789abcdef",
                "/app serve", null, List.of(new EnvVar("DB_PASSWORD", "hunter2", true), new EnvVar("APP_MODE", "prod", false)),
                Map.of("io.turnout.color", "blue"), List.of("shop_net"), List.of(),
                List.of(new HealthProbe(Rows.T0, Rows.T0.plusMillis(12), 0, "ok"), new HealthProbe(Rows.T0.plusSeconds(5), Rows.T0.plusSeconds(6), 1, "refused")));
        DetailViewModel vm = new DetailViewModel(runner, id -> details, "id1");
        vm.refresh();

        assertThat(vm.env()).extracting(EnvVar::name).containsExactly("APP_MODE", "DB_PASSWORD");
        assertThat(vm.env()).extracting(DetailViewModel::displayValue).containsExactly("prod", DetailViewModel.MASK);
        assertThat(vm.healthLog().getFirst().exitCode()).as("newest first").isEqualTo(1);
        assertThat(vm.facts()).contains(new DetailViewModel.Fact("Image ID", "sha256:abcdef012345"));
        assertThat(vm.errorProperty().get()).isNull();
    }

    @Test
    void inspectFailureIsReportedInOneSentence() {
        DetailViewModel vm = new DetailViewModel(runner, id -> { throw new IllegalStateException("no such container"); }, "gone");
        vm.refresh();
        assertThat(vm.errorProperty().get()).isEqualTo("Could not inspect the container: no such container");
        assertThat(vm.loadingProperty().get()).isFalse();
    }

    @Test
    void logLinesArriveInBatchesIntoABoundedBufferAndSearchFilters() {
        List<Consumer<LogLine>> sinks = new ArrayList<>();
        List<Runnable> fxQueue = new ArrayList<>();
        LogTailViewModel vm = new LogTailViewModel((id, tail, follow, sink) -> { sinks.add(sink); return () -> { }; },
                runner, fxQueue::add, "id1", 100);
        vm.start();
        for (int i = 0; i < 250; i++) {
            sinks.getFirst().accept(new LogLine(Instant.EPOCH, false, (i % 10 == 0 ? "ERROR " : "info ") + i));
        }
        assertThat(fxQueue).as("one hand-over for the whole burst").hasSize(1);
        fxQueue.removeFirst().run();

        assertThat(vm.allLines()).hasSize(100);
        assertThat(vm.allLines().getFirst().text()).isEqualTo("ERROR 150");
        vm.searchProperty().set("error");
        assertThat(vm.matchCountProperty().get()).isEqualTo(10);
        assertThat(vm.shownLines()).hasSize(100);
        vm.onlyMatchesProperty().set(true);
        assertThat(vm.shownLines()).hasSize(10).allMatch(vm::matches);
    }

    @Test
    void stoppingClosesTheStream() {
        List<String> closed = new ArrayList<>();
        LogTailViewModel vm = new LogTailViewModel((id, tail, follow, sink) -> () -> closed.add(id), runner, Runnable::run, "id1", 10);
        vm.start();
        vm.stop();
        assertThat(closed).containsExactly("id1");
    }
}
