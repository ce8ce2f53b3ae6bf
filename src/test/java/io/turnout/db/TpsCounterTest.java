package io.turnout.db;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TpsCounterTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void firstSampleHasNoRate() {
        assertThat(new TpsCounter().next(T0, 100, 5)).isEqualTo(TpsCounter.Rates.UNKNOWN);
    }

    @Test
    void rateIsTheDifferenceOverElapsedTimeWithoutTheMonitorsOwnTransaction() {
        TpsCounter c = new TpsCounter();
        c.next(T0, 1000, 10);
        TpsCounter.Rates r = c.next(T0.plusSeconds(2), 1201, 14);
        assertThat(r.commits()).isEqualTo(100.0);   // 201 commits, one of them the previous sample's own
        assertThat(r.rollbacks()).isEqualTo(2.0);
    }

    @Test
    void ownTransactionNotYetFlushedIsCarriedOverAndTheRateNeverGoesNegative() {
        TpsCounter c = new TpsCounter();
        c.next(T0, 50, 0);
        assertThat(c.next(T0.plusSeconds(1), 50, 0).commits()).isZero();   // the server has not flushed our commit yet
        assertThat(c.next(T0.plusSeconds(2), 52, 0).commits()).isZero();   // both our commits arrive at once
        assertThat(c.next(T0.plusSeconds(3), 58, 0).commits()).isEqualTo(5.0);
    }

    @Test
    void statisticsResetRestartsTheBaseline() {
        TpsCounter c = new TpsCounter();
        c.next(T0, 5000, 0);
        assertThat(c.next(T0.plusSeconds(1), 3, 0)).isEqualTo(TpsCounter.Rates.UNKNOWN);
        assertThat(c.next(T0.plusSeconds(2), 14, 0).commits()).isEqualTo(10.0);
    }
}
