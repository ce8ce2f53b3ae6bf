package io.turnout.docker;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LogFramesTest {

    private final List<LogLine> lines = new ArrayList<>();
    private final LogFrames frames = new LogFrames(lines::add);

    @Test
    void timestampPrefixIsParsedWithNanoseconds() {
        frames.accept(frame(StreamType.STDOUT, "2026-11-23T11:05:07.943835168Z GET /health 200\n"));
        assertThat(lines).containsExactly(new LogLine(Instant.parse("2026-11-23T11:05:07.943835168Z"), false, "GET /health 200"));
    }

    @Test
    void stderrIsMarkedAndTrimmedFractionsParse() {
        frames.accept(frame(StreamType.STDERR, "2026-11-23T11:05:07.9438Z boom\n"));
        assertThat(lines.get(0).stderr()).isTrue();
        assertThat(lines.get(0).time()).isEqualTo(Instant.parse("2026-11-23T11:05:07.943800Z"));
    }

    @Test
    void linesSplitAcrossFramesAreJoinedAndSeveralLinesInOneFrameSplit() {
        frames.accept(frame(StreamType.RAW, "2026-11-23T11:05:07Z hel"));
        frames.accept(frame(StreamType.RAW, "lo\r\n2026-11-23T11:05:08Z second\n2026-11-23T11:05:09Z tail"));
        assertThat(lines).extracting(LogLine::text).containsExactly("hello", "second");
        frames.flush();
        assertThat(lines).extracting(LogLine::text).containsExactly("hello", "second", "tail");
    }

    @Test
    void emptyLineKeepsItsTimestampAndUntimedLineKeepsText() {
        frames.accept(frame(StreamType.STDOUT, "2026-11-23T11:05:07.1Z\nplain text\n"));
        assertThat(lines.get(0)).isEqualTo(new LogLine(Instant.parse("2026-11-23T11:05:07.100Z"), false, ""));
        assertThat(lines.get(1)).isEqualTo(new LogLine(null, false, "plain text"));
    }

    private static Frame frame(StreamType type, String s) {
        return new Frame(type, s.getBytes(StandardCharsets.UTF_8));
    }
}
