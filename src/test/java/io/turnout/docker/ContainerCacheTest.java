package io.turnout.docker;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerCacheTest {

    private final ContainerCache cache = new ContainerCache();

    @Test
    void staleInspectAnswerDoesNotRollARowBack() {
        long first = cache.touch("a");
        long second = cache.touch("a");
        assertThat(cache.applyInspect("a", second, row("a", "running"))).isTrue();
        assertThat(cache.applyInspect("a", first, row("a", "created"))).isFalse();
        assertThat(cache.get("a").state()).isEqualTo("running");
    }

    @Test
    void inspectAnsweringAfterDestroyDoesNotResurrect() {
        long gen = cache.touch("a");
        cache.applyInspect("a", gen, row("a", "running"));
        long inFlight = cache.touch("a"); // e.g. "die", inspect started
        assertThat(cache.remove("a")).isTrue(); // "destroy" overtakes it
        assertThat(cache.applyInspect("a", inFlight, row("a", "exited"))).isFalse();
        assertThat(cache.size()).isZero();
    }

    @Test
    void notFoundInspectRemovesTheRow() {
        long gen = cache.touch("a");
        cache.applyInspect("a", gen, row("a", "running"));
        long next = cache.touch("a");
        assertThat(cache.applyInspect("a", next, null)).isTrue();
        assertThat(cache.get("a")).isNull();
    }

    @Test
    void resyncReplacesEverythingNoEventTouchedMeanwhile() {
        long g = cache.touch("old");
        cache.applyInspect("old", g, row("old", "running"));
        long mark = cache.beginResync();
        assertThat(cache.applyResync(mark, Map.of("b", row("b", "running"), "c", row("c", "exited")))).isTrue();
        assertThat(cache.sortedRows()).extracting(ContainerRow::id).containsExactly("b", "c");
    }

    @Test
    void eventsDuringResyncWinOverTheListing() {
        long mark = cache.beginResync();
        cache.remove("gone"); // destroyed after the listing was taken
        long g = cache.touch("new"); // created and inspected meanwhile
        cache.applyInspect("new", g, row("new", "running"));
        cache.applyResync(mark, Map.of("gone", row("gone", "running"), "other", row("other", "running")));
        assertThat(cache.sortedRows()).extracting(ContainerRow::id).containsExactly("new", "other");
    }

    @Test
    void identicalResyncReportsNoChange() {
        long mark = cache.beginResync();
        cache.applyResync(mark, Map.of("a", row("a", "running")));
        assertThat(cache.applyResync(cache.beginResync(), Map.of("a", row("a", "running")))).isFalse();
    }

    @Test
    void rowsAreGroupedByStackThenName() {
        long mark = cache.beginResync();
        cache.applyResync(mark, Map.of(
                "1", row("1", "zeta", null), "2", row("2", "alpha", "shop"), "3", row("3", "beta", "api")));
        assertThat(cache.sortedRows()).extracting(ContainerRow::name).containsExactly("beta", "alpha", "zeta");
    }

    private static ContainerRow row(String id, String state) {
        return new ContainerRow(id, id, "img:v1", state, Health.NONE, null, null, null, List.of(), 0,
                Instant.EPOCH, null, state);
    }

    private static ContainerRow row(String id, String name, String stack) {
        return new ContainerRow(id, name, "img:v1", "running", Health.NONE, stack, null, null, List.of(), 0,
                Instant.EPOCH, null, "Up");
    }
}
