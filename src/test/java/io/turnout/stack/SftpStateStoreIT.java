package io.turnout.stack;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.SftpException;
import io.turnout.ssh.HostKeyPrompt;
import io.turnout.ssh.SecretPrompt;
import io.turnout.ssh.SshConfigFile;
import io.turnout.ssh.SshConnection;
import io.turnout.ssh.SshOptions;
import io.turnout.target.ConnectionState;
import io.turnout.testing.FeedWait;
import io.turnout.testing.Poll;
import io.turnout.testing.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SFTP state store against the sandbox's real OpenSSH (internal-sftp), each run under its own root. */
class SftpStateStoreIT {

    private static final String IT_ROOT = ".turnout-it";
    private static final int CONNECTIONS = 2;
    private static final int THREADS_PER_CONNECTION = 8;
    private static final int ROUNDS = 20;

    private final List<AutoCloseable> open = new ArrayList<>();
    private String root;

    @BeforeEach
    void uniqueRoot() {
        byte[] random = new byte[6];
        ThreadLocalRandom.current().nextBytes(random);
        root = IT_ROOT + "/" + HexFormat.of().formatHex(random);
    }

    @AfterEach
    void cleanUp() throws Exception {
        try (SftpStateStore cleaner = new SftpStateStore(connect(), root)) {
            cleaner.deleteTree("");
            try (SftpStateStore parent = new SftpStateStore(connect(), IT_ROOT)) {
                if (parent.list("").isEmpty()) {
                    parent.deleteTree("");
                }
            }
        } finally {
            for (AutoCloseable c : open.reversed()) {
                c.close();
            }
        }
    }

    private SshConnection connect() {
        SshConfigFile config = SshConfigFile.explicit(Sandbox.sshConfig());
        SshOptions options = SshOptions.defaults(config, HostKeyPrompt.rejecting(), SecretPrompt.none()).withRoundTripInterval(Duration.ofMillis(500));
        SshConnection c = SshConnection.open(config.resolve("turnout-sandbox"), options);
        open.add(c);
        return c;
    }

    private SftpStateStore store(SshConnection ssh) {
        SftpStateStore s = new SftpStateStore(ssh, root);
        open.add(s);
        return s;
    }

    @Test
    void writeReadAppendListDeleteAndDeleteTree() {
        SftpStateStore s = store(connect());

        assertThat(s.read("shop/state.json")).isEmpty();
        s.write("shop/state.json", "{\"a\":1}");
        s.write("shop/state.json", "{\"a\":2}");
        assertThat(s.read("shop/state.json")).contains("{\"a\":2}");

        s.append("shop/journal/r1.jsonl", "one");
        s.append("shop/journal/r1.jsonl", "two");
        assertThat(s.read("shop/journal/r1.jsonl")).contains("one\ntwo\n");

        s.write("shop/snapshots/web/b.json", "b");
        s.write("shop/snapshots/web/a.json", "a");
        assertThat(s.list("shop/snapshots/web")).containsExactly("a.json", "b.json");
        assertThat(s.list("shop")).containsExactly("journal", "snapshots", "state.json");
        assertThat(s.list("nothing")).isEmpty();

        assertThat(s.delete("shop/snapshots/web/a.json")).isTrue();
        assertThat(s.delete("shop/snapshots/web/a.json")).isFalse();

        s.deleteTree("shop");
        s.deleteTree("shop");
        assertThat(s.list("")).isEmpty();
        assertThat(s.describe()).isEqualTo("ssh://" + Sandbox.sshUser() + "@turnout-sandbox/~/" + root);
    }

    @Test
    void atomicWritesLeaveNoTemporaryFilesEvenWhenTwoHostsWriteAtOnce() throws Exception {
        List<SftpStateStore> stores = List.of(store(connect()), store(connect()));
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                SftpStateStore s = stores.get(i % 2);
                String content = "{\"writer\":" + i + "}";
                writes.add(pool.submit(() -> s.write("shop/state.json", content)));
            }
            for (Future<?> f : writes) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(stores.getFirst().read("shop/state.json").orElseThrow()).matches("\\{\"writer\":\\d+}");
        assertThat(rawNames(connect(), root + "/shop")).containsExactly("state.json");
    }

    /**
     * The primitive createExclusive rests on: {@code hardlink@openssh.com} (link(2)) refuses an
     * existing target and leaves it untouched, while JSch's rename() replaces it (JSch sends
     * {@code posix-rename@openssh.com} whenever the server offers it, so the plain SSH_FXP_RENAME
     * that OpenSSH also implements with link(2) is not reachable through JSch).
     */
    @Test
    void hardlinkRefusesAnExistingTargetWhileJschRenameReplacesIt() throws Exception {
        store(connect()).write("probe/keep", "original");
        ChannelSftp ch = connect().openSftp();
        try {
            String dir = root + "/probe";
            assertThat(ch.getExtension("hardlink@openssh.com")).isEqualTo("1");
            assertThat(ch.getExtension("posix-rename@openssh.com")).isEqualTo("1");
            ch.put(new ByteArrayInputStream("intruder".getBytes(StandardCharsets.UTF_8)), dir + "/other");

            assertThatThrownBy(() -> ch.hardlink(dir + "/other", dir + "/keep"))
                    .isInstanceOf(SftpException.class)
                    .satisfies(e -> assertThat(((SftpException) e).id).isEqualTo(ChannelSftp.SSH_FX_FAILURE));
            assertThat(rawRead(ch, dir + "/keep")).isEqualTo("original");

            ch.rename(dir + "/other", dir + "/keep");
            assertThat(rawRead(ch, dir + "/keep")).isEqualTo("intruder");
        } finally {
            ch.disconnect();
        }
    }

    @Test
    void createExclusiveHasExactlyOneWinnerPerRoundAcrossTwoConnections() throws Exception {
        List<SftpStateStore> stores = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            stores.add(store(connect()));
        }
        long t0 = System.nanoTime();
        AtomicIntegerArray wins = new AtomicIntegerArray(CONNECTIONS);
        race((round, connection, thread) -> {
                    boolean won = stores.get(connection).createExclusive("shop/lock", "c" + connection + "t" + thread);
                    if (won) {
                        wins.incrementAndGet(connection);
                    }
                    return won;
                },
                round -> {
                    assertThat(stores.getFirst().read("shop/lock").orElseThrow()).matches("c\\dt\\d");
                    assertThat(stores.getFirst().delete("shop/lock")).isTrue();
                });
        System.out.printf("[measure] %d rounds of %d racing createExclusive over SFTP: %d ms, wins per connection %s%n",
                ROUNDS, CONNECTIONS * THREADS_PER_CONNECTION, (System.nanoTime() - t0) / 1_000_000, wins);
        assertThat(rawNames(connect(), root + "/shop")).isEmpty();
    }

    @Test
    void repositoryLockHasExactlyOneHolderPerRoundAcrossTwoConnections() throws Exception {
        List<StackRepository> repos = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            repos.add(new StackRepository(store(connect()), "shop", Clock.systemUTC()));
        }
        AtomicInteger refused = new AtomicInteger();
        race((round, connection, thread) -> {
            String runId = "r" + round + "-c" + connection + "-t" + thread;
            try {
                repos.get(connection).acquireLock(new LockInfo("it@" + connection, "ws" + connection, thread, "race", java.time.Instant.now(), runId));
                return true;
            } catch (LockHeldException e) {
                refused.incrementAndGet();
                return false;
            }
        }, round -> {
            LockInfo holder = repos.getFirst().lock().orElseThrow();
            assertThat(holder.releaseId()).startsWith("r" + round + "-");
            assertThat(repos.get(1).releaseLock(holder.releaseId())).isTrue();
        });
        assertThat(refused).hasValue(ROUNDS * (CONNECTIONS * THREADS_PER_CONNECTION - 1));
    }

    @Test
    void storeKeepsWorkingAfterTheServerKillsTheSession() throws Exception {
        SshConnection ssh = connect();
        SftpStateStore s = store(ssh);
        StackRepository repo = new StackRepository(s, "shop", Clock.systemUTC());
        s.write("shop/state.json", "before");
        repo.acquireLock(LockInfos.here(Clock.systemUTC(), "reconnect test", "run-1"));

        List<ConnectionState> seen = new CopyOnWriteArrayList<>();
        ssh.state().subscribe(seen::add);

        Sandbox.killSshSessions();

        Poll.until(Duration.ofSeconds(20), "the session to notice the kill",
                () -> seen.stream().anyMatch(st -> st instanceof ConnectionState.Reconnecting));
        FeedWait.until(ssh.state(), Duration.ofSeconds(30), "the connection is back", st -> st instanceof ConnectionState.Connected);
        assertThat(s.read("shop/state.json")).contains("before");
        s.write("shop/state.json", "after");
        s.append("shop/history.jsonl", "{}");
        assertThat(s.read("shop/state.json")).contains("after");
        assertThat(repo.lock().orElseThrow().releaseId()).isEqualTo("run-1");
        assertThat(repo.releaseLock("run-1")).isTrue();
    }

    /** Right after the kill JSch may not have noticed yet: a repeatable call rides over the reconnect. */
    @Test
    void readRightAfterTheDropWaitsForTheNewSession() throws Exception {
        SftpStateStore s = store(connect());
        s.write("shop/state.json", "before");

        Sandbox.killSshSessions();

        assertThat(s.read("shop/state.json")).contains("before");
        assertThat(s.list("shop")).containsExactly("state.json");
    }

    @Test
    void failuresNameTheHostAndThePath() {
        SftpStateStore s = store(connect());
        s.write("shop", "a file where a directory should be");

        assertThatThrownBy(() -> s.write("shop/state.json", "{}"))
                .isInstanceOf(StateStoreException.class)
                .hasMessageStartingWith("Cannot write ~/" + root + "/shop/state.json on turnout-sandbox: ");
    }

    // ---- helpers ------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Attempt {
        boolean run(int round, int connection, int thread) throws Exception;
    }

    @FunctionalInterface
    private interface AfterRound {
        void run(int round) throws Exception;
    }

    /** Every round, all threads of all connections start together; exactly one attempt may succeed. */
    private static void race(Attempt attempt, AfterRound afterRound) throws Exception {
        int racers = CONNECTIONS * THREADS_PER_CONNECTION;
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                CyclicBarrier start = new CyclicBarrier(racers);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int c = 0; c < CONNECTIONS; c++) {
                    for (int t = 0; t < THREADS_PER_CONNECTION; t++) {
                        int r = round;
                        int connection = c;
                        int thread = t;
                        results.add(pool.submit(() -> {
                            start.await(30, TimeUnit.SECONDS);
                            return attempt.run(r, connection, thread);
                        }));
                    }
                }
                int winners = 0;
                for (Future<Boolean> f : results) {
                    winners += f.get(120, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(winners).as("winners in round %d", round).isEqualTo(1);
                afterRound.run(round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Directory entries as the server has them, temporary files included (list() hides those). */
    private static List<String> rawNames(SshConnection ssh, String dir) throws SftpException {
        ChannelSftp ch = ssh.openSftp();
        try {
            return ch.ls(dir).stream().map(ChannelSftp.LsEntry::getFilename).filter(n -> !n.equals(".") && !n.equals("..")).sorted().toList();
        } finally {
            ch.disconnect();
        }
    }

    private static String rawRead(ChannelSftp ch, String path) throws SftpException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ch.get(path, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
