package io.turnout.docker;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Turns docker log frames into {@link LogLine}s. With {@code timestamps=true} Docker prefixes each
 * line with an RFC 3339 nano time and a space. A frame usually holds one line, but TTY (raw)
 * streams and long lines arrive in arbitrary pieces, so partial lines are kept per stream until
 * their newline arrives (or {@link #flush()}).
 */
final class LogFrames {

    private final Consumer<LogLine> sink;
    private final StringBuilder stdout = new StringBuilder();
    private final StringBuilder stderr = new StringBuilder();

    LogFrames(Consumer<LogLine> sink) {
        this.sink = sink;
    }

    void accept(Frame frame) {
        boolean err = frame.getStreamType() == StreamType.STDERR;
        StringBuilder buf = err ? stderr : stdout;
        buf.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
        int nl;
        while ((nl = buf.indexOf("\n")) >= 0) {
            String line = buf.substring(0, nl);
            buf.delete(0, nl + 1);
            emit(line, err);
        }
    }

    /** Emits what is left without a trailing newline (the stream ended). */
    void flush() {
        if (!stdout.isEmpty()) {
            emit(stdout.toString(), false);
            stdout.setLength(0);
        }
        if (!stderr.isEmpty()) {
            emit(stderr.toString(), true);
            stderr.setLength(0);
        }
    }

    private void emit(String raw, boolean err) {
        String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
        sink.accept(parse(line, err));
    }

    /** {@code 2024-05-01T10:00:00.123456789Z text} → time + text; lines without a time keep it null. */
    static LogLine parse(String line, boolean stderr) {
        int space = line.indexOf(' ');
        if (space > 19 && Character.isDigit(line.charAt(0)) && line.charAt(10) == 'T') {
            Instant t = DockerTime.parse(line.substring(0, space));
            if (t != null) {
                return new LogLine(t, stderr, line.substring(space + 1));
            }
        }
        if (line.length() > 19 && Character.isDigit(line.charAt(0)) && line.charAt(10) == 'T' && space < 0) {
            Instant t = DockerTime.parse(line);
            if (t != null) {
                return new LogLine(t, stderr, ""); // an empty line still carries its timestamp
            }
        }
        return new LogLine(null, stderr, line);
    }
}
