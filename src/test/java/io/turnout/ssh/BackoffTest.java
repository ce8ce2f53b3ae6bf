package io.turnout.ssh;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    @Test
    void delaysDoubleFromHalfASecondAndAreCappedAtThirtySeconds() {
        assertThat(Backoff.delay(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(Backoff.delay(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Backoff.delay(4)).isEqualTo(Duration.ofSeconds(4));
        assertThat(Backoff.delay(7)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Backoff.delay(10_000)).isEqualTo(Duration.ofSeconds(30));
    }
}
