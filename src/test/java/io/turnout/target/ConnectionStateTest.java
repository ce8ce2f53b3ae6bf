package io.turnout.target;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionStateTest {

    @Test
    void describesEachStateInOneShortPhrase() {
        assertThat(new ConnectionState.Connected(Duration.ofMillis(14)).describe()).isEqualTo("connected · 14 ms");
        assertThat(new ConnectionState.Connected(Duration.ofNanos(300_000)).describe())
                .as("a loopback round trip is not zero").isEqualTo("connected · < 1 ms");
        assertThat(new ConnectionState.Reconnecting(3, "connection reset").describe()).isEqualTo("reconnecting 3 · connection reset");
        assertThat(new ConnectionState.Failed("Cannot reach 127.0.0.1:1: connection refused.").describe())
                .isEqualTo("failed: Cannot reach 127.0.0.1:1: connection refused.");
    }
}
