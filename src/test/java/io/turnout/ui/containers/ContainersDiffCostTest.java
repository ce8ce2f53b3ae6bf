package io.turnout.ui.containers;

import io.turnout.docker.ContainerRow;
import io.turnout.docker.ContainerSnapshot;
import io.turnout.docker.Health;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.turnout.ui.fixtures.Rows.T0;
import static io.turnout.ui.fixtures.Rows.row;
import static io.turnout.ui.fixtures.Rows.withHealth;
import static org.assertj.core.api.Assertions.assertThat;

/** Guards the per-snapshot cost by counting notifications, not by timing: a snapshot costs O(changed rows). */
class ContainersDiffCostTest {

    private final ContainersViewModel vm = new ContainersViewModel(() -> T0);
    private final List<ContainerRow> rows = new ArrayList<>();

    ContainersDiffCostTest() {
        for (int i = 0; i < 1000; i++) {
            rows.add(row("id-" + i, "scale-%04d".formatted(i), "scale-" + i % 20, "svc-" + i % 5, null, Health.HEALTHY));
        }
        vm.apply(snapshot(1));
    }

    private ContainerSnapshot snapshot(long seq) {
        return new ContainerSnapshot(seq, T0, T0, rows);
    }

    @Test
    void oneChangedRowOutOfAThousandNotifiesOnlyThatItemAndItsTwoHeadings() {
        AtomicInteger rowChanges = new AtomicInteger();
        vm.items().forEach(i -> i.rowProperty().addListener((o, a, b) -> rowChanges.incrementAndGet()));
        List<String> changedHeadings = new ArrayList<>();
        vm.groups().forEach(s -> {
            vm.groupNode(s.name(), null).summaryProperty().addListener((o, a, b) -> changedHeadings.add(s.name()));
            s.services().forEach(v -> vm.groupNode(s.name(), v.name()).summaryProperty()
                    .addListener((o, a, b) -> changedHeadings.add(s.name() + "/" + v.name())));
        });
        long structure = vm.structureProperty().get();
        var groups = vm.groups();

        rows.set(42, withHealth(rows.get(42), Health.UNHEALTHY));
        vm.apply(snapshot(2));

        assertThat(rowChanges).hasValue(1);
        assertThat(changedHeadings).containsExactlyInAnyOrder("scale-2", "scale-2/svc-2");
        assertThat(vm.structureProperty().get()).as("no regrouping, no tree sync").isEqualTo(structure);
        assertThat(vm.groups()).isSameAs(groups);
        assertThat(vm.countProperty().get()).isEqualTo("1000 containers · 1 unhealthy");
    }

    @Test
    void anIdenticalSnapshotNotifiesNothing() {
        AtomicInteger rowChanges = new AtomicInteger();
        vm.items().forEach(i -> i.rowProperty().addListener((o, a, b) -> rowChanges.incrementAndGet()));
        long structure = vm.structureProperty().get();

        vm.apply(snapshot(2));

        assertThat(rowChanges).hasValue(0);
        assertThat(vm.structureProperty().get()).isEqualTo(structure);
    }

    @Test
    void addingOrRemovingAContainerRegroups() {
        long structure = vm.structureProperty().get();
        rows.removeLast();
        vm.apply(snapshot(2));
        assertThat(vm.structureProperty().get()).isGreaterThan(structure);
        assertThat(vm.countProperty().get()).isEqualTo("999 containers");
    }
}
