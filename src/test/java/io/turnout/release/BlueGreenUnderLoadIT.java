package io.turnout.release;

import io.turnout.plan.PlanResult;
import io.turnout.plan.RunOptions;
import io.turnout.stack.Color;
import io.turnout.stack.HistoryEntry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The central proof: under wrk (keep-alive) and hey (a fresh connection per request) load
 * through the public port, upgrade v1→v2 with auto-switch, roll back, switch again — 0 non-2xx and 0
 * socket errors, and the served version follows. Real sshd, dockerd, router and load tools; traffic
 * only to 127.0.0.1.
 */
class BlueGreenUnderLoadIT {

    private static final Logger LOG = LoggerFactory.getLogger(BlueGreenUnderLoadIT.class);
    /** Long enough for upgrade + rollback + switch on a loaded 2-core machine; the test fails if they outlast it. */
    private static final int LOAD_SECONDS = 60;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"haproxy", "nginx"})
    void upgradeRollbackAndSwitchUnderLoadFailNoRequest(String router) throws Exception {
        try (StackFixture f = new StackFixture().applied(router)) {
            assertThat(f.servedVersion()).isEqualTo("v1");
            String url = "http://127.0.0.1:" + f.publicPort + "/";
            LoadRun wrk = LoadRun.wrk(url, LOAD_SECONDS, 4, 10);
            LoadRun hey = LoadRun.heyNoKeepAlive(url, LOAD_SECONDS, 2, 25);

            PlanResult up = f.ops.execute(f.ops.planUpgrade(new UpgradeRequest(null, "turnout-fixture/app:v2", null, null,
                    true, false, false)), RunOptions.simple("it"));
            assertThat(up.succeeded()).as("upgrade: %s", up.error()).isTrue();
            assertThat(f.servedVersion()).isEqualTo("v2");

            PlanResult back = f.ops.execute(f.ops.planRollback(null), RunOptions.simple("it"));
            assertThat(back.succeeded()).as("rollback: %s", back.error()).isTrue();
            assertThat(f.servedVersion()).isEqualTo("v1");

            PlanResult again = f.ops.execute(f.ops.planSwitch(null, Color.GREEN), RunOptions.simple("it"));
            assertThat(again.succeeded()).as("switch: %s", again.error()).isTrue();
            assertThat(f.servedVersion()).isEqualTo("v2");

            assertThat(wrk.running() && hey.running())
                    .as("the load must still be running when the last switch is done, or part of the sequence went unloaded")
                    .isTrue();
            List<LoadRun.Result> results = List.of(wrk.await(LOAD_SECONDS + 30), hey.await(LOAD_SECONDS + 30));
            LOG.info("{} under load: {}", router, LoadRun.describe(results));
            for (LoadRun.Result r : results) {
                assertThat(r.requests()).as("%s sent nothing:%n%s", r.tool(), r.raw()).isGreaterThan(500);
                assertThat(r.non2xx()).as("%s non-2xx:%n%s", r.tool(), r.raw()).isZero();
                // nginx's graceful reload closes idle keep-alive connections of the old workers; a client
                // that reuses one at that instant sees a reset. That weakness is measured in
                // scripts/bench-switch and documented (ADR 0010), so only HAProxy is held to zero here.
                if (router.equals("haproxy") || r.tool().equals("hey")) {
                    assertThat(r.socketErrors()).as("%s socket errors:%n%s", r.tool(), r.raw()).isZero();
                }
            }

            List<HistoryEntry> history = f.ops.history(10);
            assertThat(history).extracting(HistoryEntry::kind).startsWith("switch", "rollback", "upgrade");
            for (HistoryEntry h : history.subList(0, 3)) {
                assertThat(h.result()).isEqualTo("succeeded");
                assertThat(h.probe()).as("probe proof of %s", h.kind()).isNotNull();
                if (router.equals("haproxy")) {
                    assertThat(h.probe().failed()).as("probe of %s: %s", h.kind(), h.probe().summary()).isZero();
                } else {
                    // the probe keeps connections alive, so it sees nginx's reload resets as socket errors — and
                    // must report them (ADR 10); it must never see an HTTP error
                    assertThat(h.probe().failed()).as("probe of %s: %s", h.kind(), h.probe().summary())
                            .isEqualTo(h.probe().socketErrors());
                }
                assertThat(h.probe().sent()).isGreaterThan(50);
            }
            StackStatus status = f.ops.status();
            assertThat(status.services().getFirst().active()).isEqualTo(Color.GREEN);
            assertThat(status.lock()).isEmpty();
        }
    }
}
