package io.turnout.ui.containers;

import io.turnout.docker.ContainerRow;
import io.turnout.docker.Health;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.turnout.ui.fixtures.Rows.T0;
import static io.turnout.ui.fixtures.Rows.row;
import static io.turnout.ui.fixtures.Rows.snapshot;
import static io.turnout.ui.fixtures.Rows.withHealth;
import static org.assertj.core.api.Assertions.assertThat;

class ContainersViewModelTest {

    private Instant now = T0;
    private final ContainersViewModel vm = new ContainersViewModel(() -> now);

    private final ContainerRow blue = row("id-blue", "shop-web-blue", "shop", "web", "blue", Health.HEALTHY);
    private final ContainerRow green = row("id-green", "shop-web-green", "shop", "web", "green", Health.STARTING);
    private final ContainerRow api = row("id-api", "shop-api-blue", "shop", "api", "blue", Health.HEALTHY);

    @Test
    void selectionIsKeptAcrossThreeSnapshotsThatChangeTheSelectedRow() {
        vm.apply(snapshot(1, blue, green, api));
        vm.select("id-green");
        ContainerItem selected = vm.selectedProperty().get();

        vm.apply(snapshot(2, blue, withHealth(green, Health.HEALTHY), api));
        vm.apply(snapshot(3, withHealth(blue, Health.UNHEALTHY), withHealth(green, Health.HEALTHY)));
        vm.apply(snapshot(4, withHealth(green, Health.UNHEALTHY), blue, api));

        assertThat(vm.selectedProperty().get()).isSameAs(selected);
        assertThat(selected.row().health()).isEqualTo(Health.UNHEALTHY);
    }

    @Test
    void rowsAreUpdatedInPlaceAddedAndRemovedByContainerId() {
        vm.apply(snapshot(1, blue, green));
        ContainerItem blueItem = vm.items().getFirst();

        vm.apply(snapshot(2, withHealth(blue, Health.UNHEALTHY), api));

        assertThat(vm.items()).extracting(ContainerItem::id).containsExactly("id-blue", "id-api");
        assertThat(vm.items().getFirst()).isSameAs(blueItem);
        assertThat(blueItem.row().health()).isEqualTo(Health.UNHEALTHY);
    }

    @Test
    void removedSelectedRowDeselectsCleanly() {
        vm.apply(snapshot(1, blue, green));
        vm.select("id-blue");

        vm.apply(snapshot(2, green));

        assertThat(vm.selectedProperty().get()).isNull();
        vm.apply(snapshot(3, blue, green));
        assertThat(vm.selectedProperty().get()).as("a returning container is not re-selected").isNull();
    }

    @Test
    void filterMatchesNameImageStackServiceAndStateWithAllWords() {
        vm.apply(snapshot(1, blue, green, api));

        vm.filterProperty().set("green");
        assertThat(vm.visibleItems()).extracting(ContainerItem::id).containsExactly("id-green");
        vm.filterProperty().set("shop api");
        assertThat(vm.visibleItems()).extracting(ContainerItem::id).containsExactly("id-api");
        vm.filterProperty().set("registry.local/web");
        assertThat(vm.visibleItems()).hasSize(2);
        vm.filterProperty().set("RUNNING");
        assertThat(vm.visibleItems()).hasSize(3);
        vm.filterProperty().set("nothing-like-this");
        assertThat(vm.groups()).isEmpty();
    }

    @Test
    void groupsByStackThenServiceWithLooseContainersUnderNoStackLast() {
        ContainerRow loose = row("id-loose", "scratch", null, null, null, Health.NONE);
        vm.apply(snapshot(1, loose, api, green, blue));

        var groups = vm.groups();
        assertThat(groups).extracting(ContainerGroups.Stack::name).containsExactly("shop", ContainerGroups.NO_STACK);
        assertThat(groups.getFirst().services()).extracting(ContainerGroups.Service::name).containsExactly("api", "web");
        assertThat(groups.getFirst().services().get(1).members()).extracting(ContainerItem::id)
                .containsExactly("id-blue", "id-green");
        assertThat(groups.get(1).loose()).extracting(ContainerItem::id).containsExactly("id-loose");
    }

    @Test
    void tickRefreshesUptimeWithoutANewSnapshot() {
        vm.apply(snapshot(1, blue));
        ContainerItem item = vm.items().getFirst();
        assertThat(item.uptimeProperty().getValue()).isEqualTo("1h 00m");

        now = T0.plusSeconds(125);
        vm.tick();
        assertThat(item.uptimeProperty().getValue()).isEqualTo("1h 02m");
    }

    @Test
    void summaryCountsRunningUnhealthyAndStarting() {
        vm.apply(snapshot(1, withHealth(blue, Health.UNHEALTHY), green, api));
        assertThat(ContainersViewModel.summary(vm.items())).isEqualTo("3/3 running · 1 unhealthy · 1 starting");
    }
}
