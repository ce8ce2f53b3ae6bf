package io.turnout.ui.shell;

import io.turnout.docker.ContainerRow;
import io.turnout.target.ConnectionState;
import io.turnout.target.TargetUri;
import io.turnout.ui.containers.ContainersViewModel;
import io.turnout.ui.fixtures.FixtureDockerHost;
import io.turnout.ui.fixtures.Rows;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Adding and removing hosts at runtime, seen through the sidebar, status bar and overview view-models. */
class HostsViewModelsTest {

    private final HostsModel hosts = new HostsModel();
    private final SidebarViewModel sidebar = new SidebarViewModel(hosts);
    private final StatusBarViewModel status = new StatusBarViewModel(hosts);

    @Test
    void aHostAddedWhileConnectingShowsUpConnectingThenGainsItsContainers() {
        long before = sidebar.versionProperty().get();
        assertThat(hosts.add(FixtureDockerHost.connecting("ssh://deploy@prod-2"))).isTrue();

        assertThat(sidebar.versionProperty().get()).isGreaterThan(before);
        assertThat(sidebar.tree()).singleElement().satisfies(t -> {
            assertThat(t.node().label()).isEqualTo("prod-2");
            assertThat(t.node().connection()).isInstanceOf(ConnectionState.Connecting.class);
            assertThat(t.children()).isEmpty();
        });
        assertThat(status.entries()).extracting(StatusBarViewModel.Entry::text).containsExactly("prod-2: connecting");

        HostEntry entry = hosts.find(TargetUri.parse("ssh://deploy@prod-2")).orElseThrow();
        entry.applyConnection(new ConnectionState.Connected(Duration.ofMillis(9)));
        entry.applySnapshot(Rows.snapshot(1, Rows.realistic().toArray(ContainerRow[]::new)));

        assertThat(status.entries()).extracting(StatusBarViewModel.Entry::text).containsExactly("prod-2: connected · 9 ms");
        assertThat(sidebar.tree().getFirst().children()).extracting(t -> t.node().label())
                .containsExactly("blog", "shop", "(no stack)");
    }

    @Test
    void removingAHostDropsItsNodeAndStatusEntryAndKeepsTheOthersInOrder() {
        hosts.add(new FixtureDockerHost("ssh://deploy@prod-1", Rows.snapshot(1, Rows.realistic().toArray(ContainerRow[]::new))));
        hosts.add(FixtureDockerHost.connecting("ssh://deploy@prod-2"));
        hosts.add(FixtureDockerHost.connecting("ssh://deploy@prod-3"));
        hosts.find(TargetUri.parse("ssh://deploy@prod-3")).orElseThrow().applyConnection(new ConnectionState.Failed("Connection refused"));

        assertThat(hosts.remove(TargetUri.parse("ssh://deploy@prod-2"))).isPresent();

        assertThat(sidebar.tree()).extracting(t -> t.node().key()).containsExactly("t:ssh://deploy@prod-1", "t:ssh://deploy@prod-3");
        assertThat(status.entries()).extracting(StatusBarViewModel.Entry::text)
                .containsExactly("prod-1: connecting", "prod-3: failed: Connection refused");
        assertThat(hosts.specs()).containsExactly("ssh://deploy@prod-1", "ssh://deploy@prod-3");
        assertThat(hosts.remove(TargetUri.parse("ssh://deploy@prod-2"))).isEmpty();
    }

    @Test
    void theSameTargetCannotBeOpenedTwice() {
        assertThat(hosts.add(FixtureDockerHost.connecting("ssh://deploy@prod-1"))).isTrue();
        assertThat(hosts.add(FixtureDockerHost.connecting("ssh://deploy@prod-1"))).isFalse();
        assertThat(status.entries()).hasSize(1);
    }

    @Test
    void emptyOverviewSaysWhyFromTheConnectionState() {
        ContainersViewModel vm = new ContainersViewModel(() -> Rows.T0, "prod-2");
        vm.connectionProperty().set(new ConnectionState.Connecting());
        assertThat(vm.placeholderProperty().get()).isEqualTo("Connecting to prod-2…");
        vm.connectionProperty().set(new ConnectionState.Failed("Connection refused"));
        assertThat(vm.placeholderProperty().get()).isEqualTo("Cannot connect: Connection refused");
        vm.connectionProperty().set(new ConnectionState.Connected(Duration.ofMillis(5)));
        assertThat(vm.placeholderProperty().get()).isEqualTo("Waiting for the first snapshot…");
        vm.apply(Rows.snapshot(1));
        assertThat(vm.placeholderProperty().get()).isEqualTo("No containers on this host");
        vm.apply(Rows.snapshot(2, Rows.realistic().toArray(ContainerRow[]::new)));
        vm.filterProperty().set("nothing-like-this");
        assertThat(vm.placeholderProperty().get()).isEqualTo("No containers match “nothing-like-this”");
    }

    @Test
    void uiStateRemembersOpenHostsAndOldFilesWithoutThemLoad() {
        UiState state = UiState.DEFAULT.withOpenHosts(hosts.specs());
        assertThat(state.openHosts()).isEmpty();
        assertThat(new UiState(1, 2, 800, 600, false, "dark", false, null, null).openHosts()).isEmpty();
    }
}
