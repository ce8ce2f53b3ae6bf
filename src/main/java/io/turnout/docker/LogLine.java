package io.turnout.docker;

import java.time.Instant;

/** One line of container output; {@code stderr} marks the stream it came from. */
public record LogLine(Instant time, boolean stderr, String text) { }
