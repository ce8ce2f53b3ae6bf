package io.turnout.target;

import java.time.Duration;

/** What the status bar and the sidebar show per target. Immutable; published by the connection. */
public sealed interface ConnectionState {

    record Connecting() implements ConnectionState { }

    record Connected(Duration roundTrip) implements ConnectionState { }

    /** The link dropped; attempt {@code attempt} of the backoff is under way. */
    record Reconnecting(int attempt, String reason) implements ConnectionState { }

    /** Gave up (or never got there); {@code reason} is one sentence for the operator. */
    record Failed(String reason) implements ConnectionState { }

    record Disconnected() implements ConnectionState { }

    default String describe() {
        return switch (this) {
            case Connecting c -> "connecting";
            case Connected c -> "connected · " + (c.roundTrip().toMillis() < 1 ? "< 1" : c.roundTrip().toMillis()) + " ms";
            case Reconnecting r -> "reconnecting " + r.attempt() + " · " + r.reason();
            case Failed f -> "failed: " + f.reason();
            case Disconnected d -> "disconnected";
        };
    }
}
