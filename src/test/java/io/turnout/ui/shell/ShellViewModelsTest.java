package io.turnout.ui.shell;

import io.turnout.activity.ActivityLog;
import io.turnout.target.ConnectionState;
import io.turnout.target.TargetUri;
import io.turnout.activity.Operation;
import io.turnout.ui.fixtures.FixtureDockerHost;
import io.turnout.ui.fixtures.Rows;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShellViewModelsTest {

    @Test
    void paletteRanksPrefixThenSubstringThenLettersInOrder() {
        List<String> ran = new ArrayList<>();
        PaletteViewModel vm = new PaletteViewModel(() -> List.of(
                new PaletteViewModel.Command("shop-web-blue", "Container", () -> ran.add("blue")),
                new PaletteViewModel.Command("Toggle theme", "Action", () -> ran.add("theme")),
                new PaletteViewModel.Command("web", "Service", () -> ran.add("web"))));
        vm.open();
        assertThat(vm.results()).hasSize(3);

        vm.queryProperty().set("web");
        assertThat(vm.results()).extracting(PaletteViewModel.Command::title).containsExactly("web", "shop-web-blue");
        vm.queryProperty().set("tgth");
        assertThat(vm.results()).extracting(PaletteViewModel.Command::title).containsExactly("Toggle theme");
        vm.run(vm.results().getFirst());
        assertThat(ran).containsExactly("theme");
        vm.queryProperty().set("zzz");
        assertThat(vm.results()).isEmpty();
    }

    @Test
    void sidebarGroupsEachTargetsContainersAndCarriesItsConnectionState() {
        HostsModel hosts = new HostsModel();
        hosts.add(FixtureDockerHost.connecting("ssh://deploy@prod-1"));
        SidebarViewModel vm = new SidebarViewModel(hosts);
        HostEntry entry = hosts.find(TargetUri.parse("ssh://deploy@prod-1")).orElseThrow();
        entry.applySnapshot(Rows.snapshot(1, Rows.realistic().toArray(io.turnout.docker.ContainerRow[]::new)));
        entry.applyConnection(new ConnectionState.Connected(Duration.ofMillis(12)));

        var target = vm.tree().getFirst();
        assertThat(target.node().label()).isEqualTo("prod-1");
        assertThat(target.node().connection().describe()).isEqualTo("connected · 12 ms");
        assertThat(target.children()).extracting(t -> t.node().label()).containsExactly("blog", "shop", "(no stack)");
        var shop = target.children().get(1);
        assertThat(shop.children()).extracting(t -> t.node().label()).containsExactly("api", "web");
        assertThat(shop.children().get(1).children()).extracting(t -> t.node().label())
                .containsExactly("shop-web-blue", "shop-web-green");
        assertThat(vm.flatten()).extracting(SidebarNode::key).doesNotHaveDuplicates().contains("c:a1b2c3d4e5f6a7b8");
    }

    @Test
    void activityCountsRunningOperations() {
        ActivityLog log = new ActivityLog(Clock.systemUTC());
        ActivityViewModel vm = new ActivityViewModel();
        log.start("Pull", "prod-1");
        log.start("Switch", "prod-1").succeed();
        vm.apply(log.feed().current());
        assertThat(vm.runningCount().get()).isEqualTo(1);
        vm.toggle();
        assertThat(vm.openProperty().get()).isTrue();
    }

    @Test
    void activityKeepsTheChosenOperationByIdWhileTheListIsReplacedEachTick() {
        ActivityLog log = new ActivityLog(Clock.systemUTC());
        ActivityViewModel vm = new ActivityViewModel();
        Operation pull = log.start("Pull registry.local/api:1.5.0", "prod-1");
        Operation sw = log.start("Switch traffic to green", "prod-1");
        vm.apply(log.feed().current());
        long pullId = vm.operations().stream().filter(o -> o.title().startsWith("Pull")).findFirst().orElseThrow().id();
        vm.select(pullId);
        // A ListView moves its selection while its items are replaced; those moves must not win.
        vm.operations().subscribe(() -> vm.select(vm.operations().isEmpty() ? -1 : vm.operations().getFirst().id()));

        for (int tick = 0; tick < 3; tick++) {
            sw.log("draining blue " + tick);
            pull.log("layer " + tick + " done");
            vm.apply(log.feed().current());
            assertThat(vm.selectedProperty().get().title()).startsWith("Pull");
            assertThat(vm.logText().getValue()).endsWith("layer " + tick + " done").doesNotContain("draining");
        }
        pull.fail("registry unreachable");
        vm.apply(log.feed().current());
        assertThat(vm.logText().getValue()).endsWith("Failed: registry unreachable");
        assertThat(vm.selectedProperty().get().id()).isEqualTo(pullId);
    }
}
