package io.turnout.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalStateStoreTest {

    @TempDir
    Path root;

    private LocalStateStore store() {
        return new LocalStateStore(root);
    }

    @Test
    void readOfAMissingFileIsEmpty() {
        assertThat(store().read("shop/state.json")).isEmpty();
    }

    @Test
    void writeCreatesPrivateParentsAndReplacesWithoutLeavingTemporaryFiles() throws IOException {
        LocalStateStore s = store();
        s.write("shop/snapshots/web/a.json", "one");
        s.write("shop/snapshots/web/a.json", "two");

        assertThat(s.read("shop/snapshots/web/a.json")).contains("two");
        assertThat(allFiles()).containsExactly("shop/snapshots/web/a.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("shop/snapshots")))).isEqualTo("rwx------");
    }

    @Test
    void appendAddsOneLineEach() {
        LocalStateStore s = store();
        s.append("shop/history.jsonl", "{\"a\":1}");
        s.append("shop/history.jsonl", "{\"a\":2}");

        assertThat(s.read("shop/history.jsonl")).contains("{\"a\":1}\n{\"a\":2}\n");
    }

    @Test
    void createExclusiveWritesOnlyTheFirstTime() {
        LocalStateStore s = store();

        assertThat(s.createExclusive("shop/lock", "first")).isTrue();
        assertThat(s.createExclusive("shop/lock", "second")).isFalse();
        assertThat(s.read("shop/lock")).contains("first");
        assertThat(allFiles()).containsExactly("shop/lock");
    }

    /** Separate store instances share nothing in memory: only the filesystem decides, as between processes. */
    @Test
    void racingCreatorsHaveExactlyOneWinnerPerRound() throws Exception {
        int writers = 16;
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        try {
            for (int round = 0; round < 20; round++) {
                CyclicBarrier start = new CyclicBarrier(writers);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    String content = "writer " + w;
                    LocalStateStore own = store();
                    results.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return own.createExclusive("shop/lock", content);
                    }));
                }
                int winners = 0;
                for (Future<Boolean> f : results) {
                    winners += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(winners).as("winners in round %d", round).isEqualTo(1);
                assertThat(store().read("shop/lock").orElseThrow()).startsWith("writer ");
                assertThat(store().delete("shop/lock")).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(allFiles()).isEmpty();
    }

    @Test
    void deleteSaysWhetherThereWasAFile() {
        LocalStateStore s = store();
        s.write("shop/lock", "x");

        assertThat(s.delete("shop/lock")).isTrue();
        assertThat(s.delete("shop/lock")).isFalse();
    }

    @Test
    void deleteTreeRemovesEverythingBelowAndIgnoresMissing() {
        LocalStateStore s = store();
        s.write("shop/snapshots/web/a.json", "x");
        s.append("shop/journal/r1.jsonl", "{}");
        s.write("other/state.json", "{}");

        s.deleteTree("shop");
        s.deleteTree("shop");

        assertThat(Files.exists(root.resolve("shop"))).isFalse();
        assertThat(s.list("")).containsExactly("other");
    }

    @Test
    void listIsSortedHidesTemporaryFilesAndIsEmptyWhenMissing() throws IOException {
        LocalStateStore s = store();
        s.write("shop/journal/b.jsonl", "x");
        s.write("shop/journal/a.jsonl", "x");
        Files.writeString(root.resolve("shop/journal/c.jsonl" + StorePaths.TEMP_MARK + "0123"), "left by a crash");

        assertThat(s.list("shop/journal")).containsExactly("a.jsonl", "b.jsonl");
        assertThat(s.list("nothing/here")).isEmpty();
    }

    @Test
    void pathsThatCouldLeaveTheRootAreRefused() {
        LocalStateStore s = store();
        for (String bad : List.of("../x", "/etc/passwd", "a//b", "a/./b", "a/*", "a\\b", "a/")) {
            assertThatThrownBy(() -> s.read(bad)).as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a valid state path");
        }
    }

    @Test
    void failuresNameThePathAndTheMachine() throws IOException {
        Files.writeString(root.resolve("shop"), "a file where a directory should be");

        assertThatThrownBy(() -> store().write("shop/state.json", "{}"))
                .isInstanceOf(StateStoreException.class)
                .hasMessageStartingWith("Cannot write " + root.resolve("shop/state.json") + " on this machine: ");
    }

    @Test
    void describeNamesTheRoot() {
        assertThat(store().describe()).isEqualTo("file://" + root).doesNotEndWith("/");
    }

    private List<String> allFiles() {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
