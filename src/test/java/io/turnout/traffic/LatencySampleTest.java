package io.turnout.traffic;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatencySampleTest {

    @Test
    void nearestRankPercentilesThenEmpty() {
        LatencySample s = new LatencySample();
        for (int i = 100; i >= 1; i--) {
            s.add(i);
        }

        assertThat(s.drainPercentiles()).containsExactly(50.0, 95.0, 99.0);
        assertThat(s.size()).isZero();
        assertThat(s.drainPercentiles()[0]).isNaN();
    }
}
